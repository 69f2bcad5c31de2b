package cn.ecoaid.protocol;

import cn.ecoaid.domain.EcoAidException;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.WriterException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A one-time enrolment code with the platform's address, as text ({@code ecoaid-enrol:v1?server=…&code=…}) and as a QR
 * code image (SYNC.md §12): the team lead shows or prints the QR code; the field device reads it from a photo or a
 * screenshot and fills in both fields. A bare code (typed by hand) is accepted too.
 */
public record EnrolmentCode(URI server, String code) {
    public static final String SCHEME = "ecoaid-enrol:v1";

    /** The text a QR code carries. */
    public String text() {
        return SCHEME + "?server=" + URLEncoder.encode(server == null ? "" : server.toString(), StandardCharsets.UTF_8)
                + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    /** Reads the text of a QR code, or a bare code (then without a server). */
    public static EnrolmentCode parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.startsWith(SCHEME + "?")) {
            if (t.isEmpty() || t.contains(" ") || t.contains("?")) {
                throw new EcoAidException("enrolment.error.text", t);
            }
            return new EnrolmentCode(null, t);
        }
        Map<String, String> q = new LinkedHashMap<>();
        for (String part : t.substring(SCHEME.length() + 1).split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                q.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String code = q.getOrDefault("code", "");
        if (code.isBlank()) {
            throw new EcoAidException("enrolment.error.text", t);
        }
        String server = q.getOrDefault("server", "");
        return new EnrolmentCode(server.isBlank() ? null : URI.create(server), code);
    }

    /** The QR code as a black-on-white image, {@code size} pixels square (quiet zone included). */
    public BufferedImage qr(int size) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text(), BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    img.setRGB(x, y, m.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            return img;
        } catch (WriterException e) {
            throw new EcoAidException(e, "enrolment.error.qrWrite", e.getMessage());
        }
    }

    /** Writes the QR code as a PNG file. */
    public void writeQr(Path png, int size) {
        try {
            ImageIO.write(qr(size), "png", png.toFile());
        } catch (IOException e) {
            throw new EcoAidException(e, "enrolment.error.qrWrite", e.getMessage());
        }
    }

    /** Reads the enrolment code from an image holding its QR code (a PNG or JPEG photo or screenshot). */
    public static EnrolmentCode readQr(Path image) {
        BufferedImage img;
        try {
            img = ImageIO.read(image.toFile());
        } catch (IOException e) {
            throw new EcoAidException(e, "enrolment.error.image", image, e.getMessage());
        }
        if (img == null) {
            throw new EcoAidException("enrolment.error.image", image, "?");
        }
        try {
            int[] argb = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
            BinaryBitmap bmp = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), argb)));
            String text = new QRCodeReader().decode(bmp, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                    DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
            return parse(text);
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new EcoAidException(e, "enrolment.error.noQr", image);
        }
    }
}
