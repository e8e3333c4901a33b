package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.chats.InviteLink;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;

/** The invite link's QR code, read back from the PNG with ImageIO and ZXing's reader. */
class InviteQrTest {
    private static final InviteLink LINK = new InviteLink("https://vk.me/join/AbCdEfGhIjKlMnOpQrStUvWx");

    @Test
    @DisplayName("F-CHAT-10 the QR code of an invite link is a PNG of the asked size that decodes to the link")
    void decodesToTheLink() throws Exception {
        byte[] png = InviteQr.png(LINK, 300);

        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(300, image.getWidth());
        assertEquals(300, image.getHeight());
        assertEquals(LINK.url(), decode(image).getText());
    }

    @Test
    @DisplayName("F-CHAT-10 a long invite link still decodes at the smallest size")
    void longLinkAtSmallestSize() throws Exception {
        InviteLink link = new InviteLink("https://vk.me/join/" + "x".repeat(300));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(InviteQr.png(link, InviteQr.MIN_SIZE_PX)));
        assertEquals(link.url(), decode(image).getText());
    }

    @Test
    @DisplayName("F-CHAT-10 a size out of range is refused before drawing")
    void sizeOutOfRange() {
        ValidationException small = assertThrows(ValidationException.class, () -> InviteQr.png(LINK, 10));
        assertEquals(ErrorCode.INVALID_ARGUMENT, small.code());
        assertThrows(ValidationException.class, () -> InviteQr.png(LINK, InviteQr.MAX_SIZE_PX + 1));
        assertThrows(ValidationException.class, () -> InviteQr.png(null, 300));
    }

    private static Result decode(BufferedImage image) throws IOException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        } catch (com.google.zxing.ReaderException e) {
            throw new AssertionError("the PNG does not decode as a QR code", e);
        }
    }
}
