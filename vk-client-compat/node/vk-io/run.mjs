// Drives vk-io 4 against the Sferum emulator in one API mode (argv[2]): sequential, parallel or parallel_selected.
import { VK, createCollectIterator } from 'vk-io';
import assert from 'node:assert/strict';
import http from 'node:http';

const base = process.env.EMULATOR ?? 'http://127.0.0.1:8080';
const mode = process.argv[2] ?? 'parallel';
const demo = await (await fetch(`${base}/_emulator/demo`)).json();
const user = (label) => demo.users.find((u) => u.label === label);
// Records the path of every request, to show which calls travelled inside execute.
const paths = [];
class RecordingAgent extends http.Agent {
  addRequest(request, options) {
    paths.push(request.path);
    return super.addRequest(request, options);
  }
}
const agent = new RecordingAgent({ keepAlive: true });
if (!base.startsWith('http:')) throw new Error('run against the emulator over http (EMULATOR=http://127.0.0.1:PORT)');
const vkOf = (label) => new VK({ token: user(label).access_token, apiBaseUrl: `${base}/method`, apiMode: mode,
  apiLimit: 20, agent });

const teacher = vkOf('teacher');
const student = vkOf('student1');
const outsider = vkOf('outsider');
const ids = ['student1', 'student2', 'student3'].map((l) => user(l).id);

const chat = await teacher.api.messages.createChat({ user_ids: ids, title: `5в vk-io ${mode}` });
const peer = 2000000000 + chat.chat_id;
// 10 concurrent calls: the parallel modes batch them through execute.
const sends = await Promise.all(Array.from({ length: 10 }, (_, i) =>
  teacher.api.messages.send({ peer_id: peer, message: `Задание ${i + 1}`, random_id: 1000 + i })));
assert.equal(new Set(sends).size, 10);
const again = await teacher.api.messages.send({ peer_id: peer, message: 'Задание 1', random_id: 1000 });
assert.equal(again, sends[0], 'random_id idempotency');
const [me, others, history] = await Promise.all([
  teacher.api.users.get({}),
  teacher.api.users.get({ user_ids: ids }),
  student.api.messages.getHistory({ peer_id: peer, count: 20 }),
]);
assert.equal(me[0].last_name, 'Смирнова');
assert.deepEqual(others.map((u) => u.id), ids);
assert.equal(history.count, 10);
// A refused call inside a batch rejects only its own promise, with VK's code.
const results = await Promise.allSettled([
  outsider.api.messages.getHistory({ peer_id: peer }),
  outsider.api.messages.send({ peer_id: peer, message: 'Чужой', random_id: 5 }),
  outsider.api.users.get({}),
]);
assert.equal(results[0].status, 'rejected');
assert.equal(results[0].reason.code, 917);
assert.equal(results[1].status, 'rejected');
assert.equal(results[1].reason.code, 917);
assert.equal(results[2].status, 'fulfilled');
// execute directly, and the collect iterator (its own VKScript loop with Args).
const direct = await teacher.api.execute({ code: `return API.messages.getHistory({"peer_id": ${peer}, "count": 3}).items@.text;` });
assert.deepEqual(direct.response, ['Задание 10', 'Задание 9', 'Задание 8']);
const collected = [];
for await (const chunk of createCollectIterator({ api: teacher.api, method: 'messages.getHistory', params: { peer_id: peer }, countPerRequest: 3 })) {
  collected.push(...chunk.items);
}
assert.equal(collected.length, 10);
const after = await student.api.messages.getHistory({ peer_id: peer, count: 20 });
assert.equal(after.count, 10, 'the refused send changed nothing');
const executes = paths.filter((p) => p === '/method/execute').length;
const direct_sends = paths.filter((p) => p === '/method/messages.send').length;
if (mode === 'sequential') {
  assert.equal(direct_sends, 12, 'sequential mode sends one request per call');
} else {
  assert.equal(direct_sends, 0, `${mode} batches messages.send through execute`);
}
console.log(`vk-io ${mode}: OK (${paths.length} requests, ${executes} of them execute, ${direct_sends} messages.send)`);
agent.destroy();
