package org.s11portal.letter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The letter as PDF, read back with PDFBox: what it says, that typed markup stays text, and how it is made. */
@QuarkusTest
class LetterRendererTest {

    private static final Logger LOG = Logger.getLogger(LetterRendererTest.class);

    @Inject
    LetterRenderer renderer;

    @Inject
    LetterFixtures letters;

    @Test
    void theJointLetterShowsTheAgencysParagraphsTheRatingsTableAndThePanelDate() throws IOException {
        byte[] pdf = renderer.pdf(letters.template("JOINT"), LetterFixtures.content("Riverside Youth Trust"));
        String text = text(pdf);
        // letterhead, thanks and context
        assertTrue(text.contains("Hampshire Safeguarding Children Partnership and Portsmouth Safeguarding Children Partnership"), text);
        assertTrue(text.contains("Riverside Youth Trust"), text);
        assertTrue(text.contains("For the attention of Dr Jane Senior"), text);
        assertTrue(text.contains("2025–27, year 1"), text);
        assertTrue(text.contains("Section 11 of the Children Act 2004"), text);
        assertTrue(text.contains("on " + LetterFixtures.PANEL_DATE_TEXT), text);
        // the summary table: the agency's rating beside the panel's
        assertTrue(text.contains("Your rating"), text);
        assertTrue(text.contains("The panel's view"), text);
        assertTrue(text.contains("T1 Test standard 1 Fully in place Agrees"), text);
        assertTrue(text.contains("T2 Test standard 2 Fully in place Partly in place"), text);
        // the survey as numbers only; the individual paragraphs; the portal's own findings; themes; actions
        assertTrue(text.contains("42 members of your staff answered"), text);
        assertTrue(text.contains("from a headcount of 120 (35%)"), text);
        assertTrue(text.contains("Strong board oversight of safeguarding training."), text);
        assertTrue(text.contains("Show how the new referral pathway changed outcomes for children."), text);
        assertTrue(text.contains("Evidence of impact not shown"), text);
        assertTrue(text.contains("The Family Approach"), text);
        assertTrue(text.contains("Add a SMART action for standard T2: by 7 May 2026"), text);
        assertTrue(text.contains("Send your year 2 progress update through the portal by 31 March 2027"), text);
        assertTrue(text.contains("Chair of the joint HIPS panel"), text);
        // a margin box on every page
        assertTrue(text.contains("Page 1 of "), text);
    }

    @Test
    void theLetterIsA4TaggedTitledInEnglishWithItsFontEmbedded() throws IOException {
        byte[] pdf = renderer.pdf(letters.template("JOINT"), LetterFixtures.content("Riverside Youth Trust"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // pdftoppm is not on every machine: PDFBox draws the pages as PNG to look at (target/screenshots)
            java.nio.file.Files.createDirectories(org.s11portal.support.Browser.SCREENSHOTS);
            org.apache.pdfbox.rendering.PDFRenderer pages = new org.apache.pdfbox.rendering.PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                javax.imageio.ImageIO.write(pages.renderImageWithDPI(i, 100), "png",
                        org.s11portal.support.Browser.SCREENSHOTS.resolve("letter-pdf-page-" + (i + 1) + ".png").toFile());
            }
            PDPage first = document.getPage(0);
            assertEquals(595, Math.round(first.getMediaBox().getWidth()), "A4 width in points");
            assertEquals(842, Math.round(first.getMediaBox().getHeight()), "A4 height in points");
            assertEquals("Section 11 feedback letter: Riverside Youth Trust", document.getDocumentInformation().getTitle());
            assertEquals("en-GB", document.getDocumentCatalog().getLanguage());
            assertNotNull(document.getDocumentCatalog().getStructureTreeRoot(), "tagged (PDF/UA structure tree)");
            assertTrue(document.getDocumentCatalog().getMarkInfo() != null && document.getDocumentCatalog().getMarkInfo().isMarked(),
                    "marked as tagged");
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
            assertFalse(fonts.isEmpty());
            assertTrue(fonts.stream().allMatch(f -> f.contains("DejaVuSans")), "only the embedded DejaVu Sans: " + fonts);
        }
    }

    @Test
    void markupInTypedTextIsShownAsTextNeverRun() throws IOException {
        String agency = "Acme <b>Bold</b> & \"Sons\"";
        LetterContent content = LetterFixtures.content(agency).withParagraphs(java.util.Map.of(
                LetterContent.STRENGTHS, "<script>alert(1)</script>\n\n{inject:x} and {agencyName}",
                LetterContent.DEVELOPMENT_PREFIX + "T2", "</p></div><h1>Injected heading</h1>"));
        LetterTemplate template = letters.template("JOINT");

        String body = renderer.body(template, content);
        assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), body);
        assertFalse(body.contains("<script"), body);
        assertFalse(body.contains("<h1>Injected"), body);
        assertTrue(body.contains("Acme &lt;b&gt;Bold&lt;/b&gt; &amp; &quot;Sons&quot;"), body);

        String text = text(renderer.pdf(template, content));
        assertTrue(text.contains("<script>alert(1)</script>"), text);
        assertTrue(text.contains("{inject:x} and {agencyName}"), text);
        assertTrue(text.contains("</p></div><h1>Injected heading</h1>"), text);
        assertTrue(text.contains("Acme <b>Bold</b> & \"Sons\""), text);
    }

    @Test
    void controlCharactersPastedIntoABoxAreDroppedNotFatal() throws IOException {
        LetterContent content = LetterFixtures.content("Bell \u0007 Agency").withParagraphs(
                java.util.Map.of(LetterContent.STRENGTHS, "Pasted\u0001 text \uD83D\uDE00 kept"));
        String text = text(renderer.pdf(letters.template("JOINT"), content));
        assertTrue(text.contains("Pasted text"), text);
        assertTrue(text.contains("Bell Agency"), text);
    }

    @Test
    void aLetterWithNothingInItStillRendersFromEveryTemplate() throws IOException {
        for (String scope : List.of("JOINT", "LOCAL-HAMPSHIRE", "LOCAL-ISLE_OF_WIGHT", "LOCAL-PORTSMOUTH", "LOCAL-SOUTHAMPTON")) {
            LetterTemplate template = letters.template(scope);
            assertNotNull(template, scope + " is seeded");
            String text = text(renderer.pdf(template, LetterContent.empty()));
            assertTrue(text.contains("No ratings are recorded for this return."), scope + ": " + text);
            assertTrue(text.contains("No staff survey responses are recorded"), scope + ": " + text);
            assertTrue(text.contains("Dear colleague"), scope + ": " + text);
        }
        String local = text(renderer.pdf(letters.template("LOCAL-PORTSMOUTH"), LetterFixtures.content("Harbour Nursery")));
        assertTrue(local.contains("Themes across the partnership"), local);
        assertFalse(local.contains("joint panel"), local);
    }

    @Test
    void oneRendererMakesLetterAfterLetter() throws IOException {
        LetterTemplate template = letters.template("JOINT");
        LetterContent content = LetterFixtures.content("Loop Agency");
        renderer.pdf(template, content); // the first letter warms the library up
        int letters = 10;
        long started = System.nanoTime();
        byte[] last = null;
        for (int i = 0; i < letters; i++) {
            last = renderer.pdf(template, content);
        }
        long perLetterMs = (System.nanoTime() - started) / 1_000_000 / letters;
        LOG.info("letter-render-time: " + letters + " letters, " + perLetterMs + " ms per letter (render, XHTML, PDF), " + last.length + " bytes each");
        assertTrue(text(last).contains("Loop Agency"));
    }

    @Test
    void oneRendererServesSeveralThreadsAtOnce() throws Exception {
        LetterTemplate template = letters.template("JOINT");
        renderer.pdf(template, LetterFixtures.content("Warm-up Agency"));
        for (int threads : new int[] { 1, 2, 4 }) {
            int each = 4;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<String>> made = new ArrayList<>();
                long started = System.nanoTime();
                for (int i = 0; i < threads * each; i++) {
                    String agency = "Agency " + threads + "-" + i;
                    made.add(pool.submit(() -> text(renderer.pdf(template, LetterFixtures.content(agency)))));
                }
                for (int i = 0; i < made.size(); i++) {
                    String text = made.get(i).get();
                    assertTrue(text.contains("Agency " + threads + "-" + i), "each letter has its own agency: " + text);
                }
                long ms = (System.nanoTime() - started) / 1_000_000;
                LOG.info("letter-render-threads: " + threads + " threads, " + made.size() + " letters in " + ms + " ms, "
                        + (ms / made.size()) + " ms per letter (wall clock, PDF read back included)");
            } finally {
                pool.shutdown();
            }
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
