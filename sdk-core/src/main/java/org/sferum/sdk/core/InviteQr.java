package org.sferum.sdk.core;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.sferum.sdk.chats.InviteLink;
import org.sferum.sdk.core.wire.OptionalLibraries;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * A chat's invite link as a QR code (F-CHAT-10): the picture a user scans to join with «Присоединиться». Encoded by
 * ZXing with error correction level M and the standard four-module quiet zone; written as a black-and-white PNG
 * without {@code java.desktop}. ZXing ({@code com.google.zxing:core}) is an optional dependency of sdk-core: add it
 * to draw QR codes; without it {@link #png} throws {@code MISSING_LIBRARY} naming it.
 *
 * <pre>{@code
 * InviteLink link = session.chats().inviteLink(chat, false);
 * byte[] png = InviteQr.png(link, 300);
 * }</pre>
 */
public final class InviteQr {
    /** The smallest picture, in pixels: a link of 2048 characters still gets at least one pixel per module. */
    public static final int MIN_SIZE_PX = 200;
    /** The largest picture, in pixels. */
    public static final int MAX_SIZE_PX = 4096;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private InviteQr() {
    }

    /**
     * Draws the link as a square PNG.
     *
     * @param link the invite link
     * @param sizePx the width and height, {@link #MIN_SIZE_PX} to {@link #MAX_SIZE_PX}
     * @return the PNG file's bytes
     * @throws org.sferum.sdk.error.ValidationException with {@code INVALID_ARGUMENT} for a size out of range
     * @throws org.sferum.sdk.error.SferumException with {@code MISSING_LIBRARY} when ZXing
     *     ({@code com.google.zxing:core}, an optional dependency) is not on the class path
     */
    public static byte[] png(InviteLink link, int sizePx) {
        Checks.notNull(link, "invite link");
        Checks.require(sizePx >= MIN_SIZE_PX && sizePx <= MAX_SIZE_PX, ErrorCode.INVALID_ARGUMENT,
                "a QR code is drawn " + MIN_SIZE_PX + " to " + MAX_SIZE_PX + " pixels wide, got " + sizePx);
        OptionalLibraries.ZXING.require();
        return encode(Zxing.matrix(link.url(), sizePx));
    }

    /**
     * The only code that names ZXing's types in a signature or a handler, so that {@link InviteQr} loads without
     * ZXing (optional) and {@link #png} can say what is missing.
     */
    private static final class Zxing {
        private Zxing() {
        }

        static BitMatrix matrix(String url, int sizePx) {
            try {
                return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, sizePx, sizePx,
                        Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                                EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                                EncodeHintType.MARGIN, 4));
            } catch (WriterException e) {
                throw new IllegalStateException("the invite link does not fit a QR code", e);
            }
        }
    }

    /** A PNG of 8-bit grayscale, one scanline per row with filter type 0: black where the matrix is set. */
    private static byte[] encode(BitMatrix matrix) {
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(raw)) {
                byte[] row = new byte[width + 1];
                for (int y = 0; y < height; y++) {
                    row[0] = 0;
                    for (int x = 0; x < width; x++) {
                        row[x + 1] = matrix.get(x, y) ? 0 : (byte) 0xff;
                    }
                    deflate.write(row);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(SIGNATURE);
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            writeInt(header, width);
            writeInt(header, height);
            header.write(8); // bit depth
            header.write(0); // colour type: grayscale
            header.write(0); // compression: deflate
            header.write(0); // filter method
            header.write(0); // no interlace
            chunk(png, "IHDR", header.toByteArray());
            chunk(png, "IDAT", raw.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        writeInt(out, data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
