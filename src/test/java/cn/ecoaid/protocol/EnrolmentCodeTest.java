package cn.ecoaid.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ecoaid.domain.EcoAidException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enrolment QR code: text round trip, image round trip, a photo-like copy, and clear errors. */
class EnrolmentCodeTest {
    @TempDir
    Path dir;

    @Test
    void textAndQrCodeRoundTrip() throws Exception {
        EnrolmentCode e = new EnrolmentCode(URI.create("https://平台.example.cn:8443/ecoaid"), "K7Q2-9XPM-4TZA");
        assertEquals(e, EnrolmentCode.parse(e.text()));
        Path png = dir.resolve("code.png");
        e.writeQr(png, 400);
        assertEquals(e, EnrolmentCode.readQr(png));

        // A photo-like copy: shrunk, turned a quarter, on a grey page with other content.
        BufferedImage qr = ImageIO.read(png.toFile());
        BufferedImage page = new BufferedImage(900, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(0xDDDDDD));
        g.fillRect(0, 0, 900, 700);
        g.setColor(Color.DARK_GRAY);
        g.drawString("组长：张三 · 请扫码注册", 40, 40);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.PI / 2, 450, 350);
        g.drawImage(qr, 330, 230, 260, 260, null);
        g.dispose();
        Path photo = dir.resolve("photo.jpg");
        ImageIO.write(page, "jpg", photo.toFile());
        assertEquals(e, EnrolmentCode.readQr(photo));
    }

    @Test
    void bareCodesAndErrors() throws Exception {
        EnrolmentCode bare = EnrolmentCode.parse("  K7Q2-9XPM ");
        assertEquals("K7Q2-9XPM", bare.code());
        assertNull(bare.server());
        assertEquals("enrolment.error.text", assertThrows(EcoAidException.class, () -> EnrolmentCode.parse("two words")).key());
        assertEquals("enrolment.error.text", assertThrows(EcoAidException.class,
                () -> EnrolmentCode.parse(EnrolmentCode.SCHEME + "?server=x")).key());
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Path png = dir.resolve("blank.png");
        ImageIO.write(blank, "png", png.toFile());
        assertEquals("enrolment.error.noQr", assertThrows(EcoAidException.class, () -> EnrolmentCode.readQr(png)).key());
        Path text = dir.resolve("not-an-image.png");
        java.nio.file.Files.writeString(text, "hello");
        assertEquals("enrolment.error.image", assertThrows(EcoAidException.class, () -> EnrolmentCode.readQr(text)).key());
    }
}
