package org.s11portal.letter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jboss.logging.Logger;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A letter's content and template version to XHTML, and that XHTML to PDF (openhtmltopdf on PDFBox): A4, the embedded
 * DejaVu Sans font (in the body and the page-margin boxes), "Page N of M" at the foot of every page, and tagged for
 * accessibility (PDF/UA: structure tags, title, language) as far as the library allows. The on-screen preview uses
 * the same body and the same stylesheet ({@code /assets/letter/letter.css}).
 * <p>
 * One renderer serves every request: it keeps only immutable state (the font bytes, the stylesheet) and builds a
 * new PDF builder per letter, so it may be called from many threads and in a loop.
 */
@ApplicationScoped
public class LetterRenderer {

    private static final Logger LOG = Logger.getLogger(LetterRenderer.class);
    static final String ASSETS = "META-INF/resources/assets/letter/";
    public static final String FONT_FAMILY = "DejaVu Sans";

    @Inject
    LetterTemplates templates;

    private byte[] regularFont;
    private byte[] boldFont;
    private String css;

    @PostConstruct
    void load() {
        regularFont = resource("fonts/DejaVuSans.ttf");
        boldFont = resource("fonts/DejaVuSans-Bold.ttf");
        css = new String(resource("letter.css"), StandardCharsets.UTF_8);
    }

    /** The letter's body (a well-formed XHTML fragment, every value escaped), for the PDF and the preview page. */
    public String body(LetterTemplate template, LetterContent content) {
        return templates.render(template, content);
    }

    /** The whole XHTML document the PDF is made from: the body, the letter stylesheet, title and language. */
    public String xhtml(LetterTemplate template, LetterContent content) {
        String title = "Section 11 feedback letter" + (content.agencyName() == null ? "" : ": " + content.agencyName());
        return "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\" xml:lang=\"en-GB\"><head>"
                + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />"
                + "<title>" + escape(title) + "</title>"
                + "<meta name=\"subject\" content=\"Keeping Children Safe (Section 11) audit: the panel's feedback\" />"
                + "<meta name=\"author\" content=\"" + escape(content.partnershipsText().isEmpty()
                        ? "HIPS safeguarding children partnerships" : content.partnershipsText()) + "\" />"
                + "<style>" + css + "</style></head><body>" + body(template, content) + "</body></html>";
    }

    /** The letter as PDF bytes. */
    public byte[] pdf(LetterTemplate template, LetterContent content) {
        long started = System.nanoTime();
        String xhtml = xmlSafe(xhtml(template, content));
        Document document;
        try {
            document = LetterTemplates.xml(xhtml);
        } catch (SAXException e) {
            throw new IllegalStateException("the letter is not well-formed XHTML (template " + template.id + "): " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessbility(true);
            builder.useFont(() -> new ByteArrayInputStream(regularFont), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(boldFont), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withW3cDocument(document, "about:blank");
            builder.toStream(out);
            builder.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the letter could not be made into a PDF (template " + template.id + ")", e);
        }
        byte[] pdf = out.toByteArray();
        if (LOG.isDebugEnabled()) {
            LOG.debug("letter rendered: template=" + template.id + " bytes=" + pdf.length + " ms=" + (System.nanoTime() - started) / 1_000_000);
        }
        return pdf;
    }

    /** Drops the characters XML 1.0 cannot hold (control characters typed or pasted into a box): they cannot print. */
    static String xmlSafe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static byte[] resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                throw new IllegalStateException("missing letter resource " + ASSETS + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
