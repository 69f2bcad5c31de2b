package cn.ecoaid.cli;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.sites.SiteTemplate;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code template <kind> <file.xlsx>}: writes an Excel import template. */
@Command(name = "template", mixinStandardHelpOptions = true, description = "Write an Excel import template (kinds: sites)")
public final class TemplateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "kind of template: sites")
    String kind;

    @Parameters(index = "1", description = "output .xlsx file")
    Path file;

    @Override
    public Integer call() {
        if (!"sites".equals(kind)) {
            throw new EcoAidException("cli.template.unknownKind", kind, "sites");
        }
        SiteTemplate.write(file);
        spec.commandLine().getOut().println(Messages.get("cli.template.written", file));
        return 0;
    }
}
