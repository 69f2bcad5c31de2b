package cn.ecoaid.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashesTest {
    @TempDir
    Path dir;

    /** FIPS 180-2 example: SHA-256("abc"); a file of 200 000 bytes crosses the 64 KiB read blocks. */
    @Test
    void bytesAndFilesHashToThePublishedValue() throws Exception {
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(abc, Hashes.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
        Path f = dir.resolve("abc");
        Files.writeString(f, "abc", StandardCharsets.US_ASCII);
        assertEquals(abc, Hashes.sha256(f));
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Path g = dir.resolve("big");
        Files.write(g, big);
        assertEquals(Hashes.sha256(big), Hashes.sha256(g));
    }
}
