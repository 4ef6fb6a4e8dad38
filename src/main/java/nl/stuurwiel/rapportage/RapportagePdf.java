package nl.stuurwiel.rapportage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import nl.stuurwiel.system.Opmaak;

/** The report for the council: an HTML template (templates/rapportage/pdf.html) rendered to PDF. */
@Component
public class RapportagePdf {

    private final ITemplateEngine templates;

    public RapportagePdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] maak(RapportageService.Inhoud inhoud) {
        Context context = new Context();
        context.setVariables(Map.of("r", inhoud, "m", inhoud.momentopname(), "opmaak", new Opmaak(), "secties",
                Sectie.van(inhoud.momentopname())));
        String html = templates.process("rapportage/pdf", context);
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF van rapportage " + inhoud.id() + " niet te maken", e);
        }
    }
}
