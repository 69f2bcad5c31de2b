package cn.ecoaid.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Lets tests in other packages run a command line and get its exit status. */
public final class CliTestAccess {
    private CliTestAccess() {
    }

    public static int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }
}
