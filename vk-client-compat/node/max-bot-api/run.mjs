// The official MAX TypeScript client (@maxhub/max-bot-api), unchanged, against the emulator's MAX face (F-EMB-08).
// Environment: MAX (the MAX face's base URL), BOT_TOKEN, CHAT_ID (the class chat's MAX chat_id, the bot an admin
// in it), VK (the VK face's base URL), PERSON_TOKEN (a member's VK access token), PEER_ID (the same chat on VK).
// It reads the bot (/me), sends a message (POST /messages), reads the history (GET /messages), edits it, starts
// long polling (bot.start(): GET /subscriptions, GET /updates) and waits until a message a person posts through
// the VK face reaches it as message_created; then it prints one line "max-bot-api: OK …" and exits 0.
import { Bot } from '@maxhub/max-bot-api';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`max-bot-api: ${name} is not set`);
    process.exit(2);
  }
  return value;
};
const baseUrl = env('MAX');
const chatId = Number(env('CHAT_ID'));
const fail = (what) => {
  console.error(`max-bot-api: FAILED: ${what}`);
  process.exit(1);
};

const bot = new Bot(env('BOT_TOKEN'), { clientOptions: { baseUrl } });
const me = await bot.api.getMyInfo();
if (!me.is_bot) fail(`/me is not a bot: ${JSON.stringify(me)}`);

const sent = await bot.api.sendMessageToChat(chatId, 'Домашнее задание: №15, №16');
if (sent.recipient.chat_id !== chatId || !sent.body.mid) fail(`send answered ${JSON.stringify(sent)}`);
await bot.api.editMessage(sent.body.mid, { text: 'Домашнее задание: №15, №16, №17' });
const { messages } = await bot.api.getMessages(chatId, { count: 10 });
if (messages.length < 1 || messages[0].body.text !== 'Домашнее задание: №15, №16, №17') {
  fail(`history answered ${JSON.stringify(messages)}`);
}

const heard = new Promise((resolve) => {
  bot.on('message_created', (ctx) => resolve(ctx.message));
});
bot.start();
// give the first long poll a moment to be in flight, then post as a person on the VK face
await new Promise((r) => setTimeout(r, 500));
const vk = await fetch(`${env('VK')}/method/messages.send`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${env('PERSON_TOKEN')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ v: '5.199', peer_id: env('PEER_ID'), message: 'Я сделал домашнее задание', random_id: '42' }),
});
const vkAnswer = await vk.json();
if (!vkAnswer.response) fail(`the VK face refused the person's message: ${JSON.stringify(vkAnswer)}`);
const timeout = setTimeout(() => fail('no message_created within 20 s'), 20000);
const message = await heard;
clearTimeout(timeout);
if (message.body.text !== 'Я сделал домашнее задание' || message.recipient.chat_id !== chatId) {
  fail(`message_created carried ${JSON.stringify(message)}`);
}
bot.stop();
console.log(`max-bot-api: OK (me ${me.user_id}, sent ${sent.body.mid}, history ${messages.length}, heard ${message.body.mid} from ${message.sender.user_id})`);
process.exit(0);
