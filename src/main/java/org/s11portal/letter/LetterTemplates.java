package org.s11portal.letter;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Letter templates as Qute: parsed once per version (thread-safe, cached by id) with an HTML content type, so that
 * every value of {@link LetterContent} is escaped where it is shown; rendered to a well-formed XHTML fragment; and
 * checked before anyone may store one ({@link #problems}): only the fields of {@link LetterContent}, no namespaces
 * (no {@code inject:}, {@code config:} ...), only the sections {@code if}, {@code for}, {@code each} and {@code let},
 * nothing that turns escaping off ({@code raw}, {@code safe}), and the result must be well-formed XHTML both with every
 * field given and with none.
 */
@ApplicationScoped
public class LetterTemplates {

    /** The sections a letter template may use; anything else (include, insert, eval, with ...) is refused. */
    static final Set<String> SECTIONS = Set.of("if", "else", "for", "each", "let");
    /** Names that would show a value unescaped. */
    private static final Set<String> UNESCAPED = Set.of("raw", "safe");
    private static final Pattern SECTION = Pattern.compile("\\{#(\\w+)");
    private static final Pattern FOR_ALIAS = Pattern.compile("\\{#for\\s+(\\w+)\\s+in\\s");
    private static final Pattern LET = Pattern.compile("\\{#let\\s+([^}]*)}");
    private static final Pattern LET_NAME = Pattern.compile("(\\w+)\\s*=");
    /** What a loop repeats over: "{#for row in standards" and "{#each strengths". */
    private static final Pattern LOOP_OVER = Pattern.compile("\\{#(?:for\\s+\\w+\\s+in|each)\\s+([-\\w]+)");
    /** The fields that are numbers: Qute would repeat a loop that many times (a letter of a million rows). */
    private static final Set<String> NUMBERS = numbers();

    /** The top-level names a template may use: the fields and the no-argument methods of {@link LetterContent}. */
    public static final Set<String> FIELDS = fields();

    @Inject
    Engine engine;

    private final Map<Long, Template> parsed = new ConcurrentHashMap<>();

    /** Thrown when a template cannot be used; {@link #problems} lists why, in words for the person who wrote it. */
    public static class InvalidTemplate extends IllegalArgumentException {
        public final transient List<String> problems;

        InvalidTemplate(List<String> problems) {
            super("letter template refused: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }
    }

    /** What is wrong with a template's source, in words; empty when it may be stored and used. */
    public List<String> problems(String source) {
        List<String> problems = new ArrayList<>();
        if (source == null || source.isBlank()) {
            return List.of("The template is empty");
        }
        Set<String> sections = new TreeSet<>();
        Matcher section = SECTION.matcher(source);
        while (section.find()) {
            if (!SECTIONS.contains(section.group(1))) {
                sections.add(section.group(1));
            }
        }
        sections.forEach(s -> problems.add("The section {#" + s + "} is not allowed: use only {#if}, {#for}, {#each} and {#let}"));
        Matcher loop = LOOP_OVER.matcher(source);
        while (loop.find()) {
            String over = loop.group(1);
            if (Character.isDigit(over.charAt(0)) || over.startsWith("-") || NUMBERS.contains(over)) {
                problems.add("Line " + lineAt(source, loop.start()) + ": " + "{#" + loop.group().substring(2).strip()
                        + "} repeats over a number: a letter may repeat only over a list, such as standards or strengths");
            }
        }
        Template template;
        try {
            template = parse(source);
        } catch (TemplateException e) {
            problems.add((e.getOrigin() == null ? "" : "Line " + e.getOrigin().getLine() + ": ")
                    + "The template cannot be read: " + e.getMessage());
            return problems;
        }
        Set<String> names = new LinkedHashSet<>(FIELDS);
        names.addAll(aliases(source));
        Map<String, Integer> unknown = new java.util.TreeMap<>();
        for (Expression expression : template.getExpressions()) {
            if (expression.isLiteral()) {
                continue;
            }
            int line = expression.getOrigin().getLine();
            if (expression.getNamespace() != null) {
                problems.add("Line " + line + ": {" + expression.toOriginalString() + "} uses the namespace \""
                        + expression.getNamespace() + ":\", which letter templates may not use");
                continue;
            }
            List<Expression.Part> parts = expression.getParts();
            for (Expression.Part part : parts) {
                if (UNESCAPED.contains(part.getName())) {
                    problems.add("Line " + line + ": {" + expression.toOriginalString()
                            + "} would show text unescaped (" + part.getName() + "), which letter templates may not do");
                }
            }
            String first = parts.get(0).getName();
            if (!names.contains(first) && !isLoopMetadata(first, names)) {
                unknown.putIfAbsent(first, line);
            }
        }
        unknown.forEach((name, line) -> problems.add("Line " + line + ": unknown field \"" + name
                + "\": a letter template can use only " + String.join(", ", FIELDS)));
        if (problems.isEmpty()) {
            checkRenders(template, sample(), "with every field given", problems, source);
            checkRenders(template, LetterContent.empty(), "with no field given", problems, null);
        }
        return problems;
    }

    /** The elements a letter may use: text, headings, lists and tables; nothing that runs, loads, embeds or submits. */
    static final Set<String> ELEMENTS = Set.of("div", "section", "header", "footer", "address", "p", "h1", "h2", "h3", "h4",
            "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot",
            "tr", "th", "td", "strong", "em", "b", "i", "small", "sub", "sup", "span", "br", "hr", "blockquote", "a");
    /** The attributes a letter may use (no event handlers, no styles); a link only to https, mailto or the page. */
    static final Set<String> ATTRIBUTES = Set.of("class", "id", "lang", "title", "scope", "colspan", "rowspan", "headers",
            "abbr", "href");
    private static final Pattern SAFE_LINK = Pattern.compile("^(https?://|mailto:|#)[^\\s]*$", Pattern.CASE_INSENSITIVE);

    /**
     * Markup the template itself writes that could run or load something where a letter is shown (the moderator's
     * preview shows the body in the page): anything but the {@link #ELEMENTS} and {@link #ATTRIBUTES} of a letter,
     * checked on the rendered, parsed letter (so no spelling or entity hides it), each named with its line when found.
     */
    static void checkMarkup(Document letter, String source, List<String> problems) {
        Set<String> seen = new LinkedHashSet<>();
        org.w3c.dom.NodeList elements = letter.getElementsByTagName("*");
        for (int i = 1; i < elements.getLength(); i++) { // 0 is the wrapper
            org.w3c.dom.Element element = (org.w3c.dom.Element) elements.item(i);
            String name = (element.getLocalName() == null ? element.getTagName() : element.getLocalName()).toLowerCase(java.util.Locale.ROOT);
            if ((!ELEMENTS.contains(name) || element.getNamespaceURI() != null) && seen.add("<" + name)) {
                problems.add(lineOf(source, "<\\s*" + Pattern.quote(name) + "\\b") + "the element <" + name
                        + "> is not allowed in a letter: use only text, headings, paragraphs, lists, tables and links");
            }
            org.w3c.dom.NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                org.w3c.dom.Node attribute = attributes.item(a);
                String attributeName = attribute.getNodeName().toLowerCase(java.util.Locale.ROOT);
                if (!ATTRIBUTES.contains(attributeName)) {
                    if (seen.add(attributeName)) {
                        problems.add(lineOf(source, "\\s" + Pattern.quote(attributeName) + "\\s*=") + "the attribute \""
                                + attributeName + "\" is not allowed in a letter: no scripts, styles or event handlers");
                    }
                } else if (attributeName.equals("href") && !SAFE_LINK.matcher(attribute.getNodeValue().strip()).matches()
                        && seen.add("href=" + attribute.getNodeValue())) {
                    problems.add(lineOf(source, "href\\s*=") + "a link may go only to an https:// address, a mailto: address or #");
                }
            }
        }
    }

    /** "Line 3: " for the first line of the source the pattern is found on, or "In the template: ". */
    private static String lineOf(String source, String regex) {
        Matcher found = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(source);
        if (!found.find()) {
            return "In the template: ";
        }
        return "Line " + lineAt(source, found.start()) + ": ";
    }

    /** The line (from 1) a character of the source is on. */
    private static int lineAt(String source, int offset) {
        return source.substring(0, offset).split("\\R", -1).length;
    }

    /**
     * The fields a template may use, each with the fields of one item when it is a list of records (for a "for"
     * loop): what the template editor's help lists, read from {@link LetterContent} itself.
     */
    public static Map<String, List<String>> fieldHelp() {
        Map<String, List<String>> help = new java.util.LinkedHashMap<>();
        for (String field : FIELDS) {
            help.put(field, List.of());
        }
        for (RecordComponent component : LetterContent.class.getRecordComponents()) {
            if (component.getGenericType() instanceof java.lang.reflect.ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
                List<String> itemFields = new ArrayList<>();
                for (RecordComponent c : item.getRecordComponents()) {
                    itemFields.add(c.getName());
                }
                for (Method m : item.getDeclaredMethods()) {
                    if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                            && !itemFields.contains(m.getName()) && !Set.of("toString", "hashCode").contains(m.getName())) {
                        itemFields.add(m.getName());
                    }
                }
                help.put(component.getName(), List.copyOf(itemFields));
            }
        }
        return help;
    }

    /** The sections a template may use, for the editor's help. */
    public static List<String> sections() {
        return SECTIONS.stream().sorted().toList();
    }

    /** Refuses a template that has problems (see {@link #problems}). */
    public void check(String source) {
        List<String> problems = problems(source);
        if (!problems.isEmpty()) {
            throw new InvalidTemplate(problems);
        }
    }

    /** An unsaved template's source rendered as a letter's body would be (for the editor's preview; not cached). */
    public String renderUnsaved(String source, LetterContent content) {
        return parse(source).data(content).render();
    }

    /** The letter's body as an XHTML fragment: the template version rendered with the content as its only data. */
    String render(LetterTemplate version, LetterContent content) {
        Template template = version.id == null ? parse(version.source)
                : parsed.computeIfAbsent(version.id, id -> parse(version.source));
        return template.data(content).render();
    }

    private Template parse(String source) {
        return engine.parse(source, Variant.forContentType(Variant.TEXT_HTML));
    }

    private void checkRenders(Template template, LetterContent content, String when, List<String> problems, String source) {
        String body;
        try {
            body = template.data(content).render();
        } catch (RuntimeException e) {
            problems.add("The template cannot be shown " + when + ": " + e.getMessage());
            return;
        }
        try {
            Document letter = xml("<div>" + body + "</div>");
            if (source != null) {
                checkMarkup(letter, source, problems);
            }
        } catch (SAXException e) {
            problems.add("The template does not make well-formed XHTML " + when + ": " + e.getMessage()
                    + " (close every element, write <br /> and use no named entities such as &nbsp;)");
        }
    }

    /** Parses well-formed XML with no DTD allowed (and so no entities to expand). */
    static Document xml(String text) throws SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // errors throw, nothing printed
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Names a template introduces itself: {#for x in ...}, {#let a=...}, and "it" of {#each}. */
    static Set<String> aliases(String source) {
        Set<String> aliases = new LinkedHashSet<>();
        aliases.add("it");
        Matcher loop = FOR_ALIAS.matcher(source);
        while (loop.find()) {
            aliases.add(loop.group(1));
        }
        Matcher let = LET.matcher(source);
        while (let.find()) {
            Matcher name = LET_NAME.matcher(let.group(1));
            while (name.find()) {
                aliases.add(name.group(1));
            }
        }
        return aliases;
    }

    /** "row_hasNext", "it_index": the iteration metadata of a loop alias. */
    private static boolean isLoopMetadata(String name, Set<String> names) {
        int underscore = name.indexOf('_');
        return underscore > 0 && names.contains(name.substring(0, underscore)) && !FIELDS.contains(name.substring(0, underscore));
    }

    private static Set<String> numbers() {
        Set<String> numbers = new LinkedHashSet<>();
        for (RecordComponent component : LetterContent.class.getRecordComponents()) {
            if (Number.class.isAssignableFrom(component.getType()) || component.getType().isPrimitive()) {
                numbers.add(component.getName());
            }
        }
        for (Method method : LetterContent.class.getDeclaredMethods()) {
            if (method.getParameterCount() == 0 && (Number.class.isAssignableFrom(method.getReturnType())
                    || (method.getReturnType().isPrimitive() && method.getReturnType() != boolean.class && method.getReturnType() != void.class))) {
                numbers.add(method.getName());
            }
        }
        return java.util.Collections.unmodifiableSet(numbers);
    }

    private static Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>();
        for (RecordComponent component : LetterContent.class.getRecordComponents()) {
            fields.add(component.getName());
        }
        for (Method method : LetterContent.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 0
                    && !Set.of("toString", "hashCode", "paragraphs").contains(method.getName())) {
                fields.add(method.getName());
            }
        }
        return java.util.Collections.unmodifiableSet(fields);
    }

    /** A letter with every field given and one of everything in each list, so that every branch of a template runs. */
    static LetterContent sample() {
        LocalDate day = LocalDate.of(2026, 3, 12);
        return new LetterContent(List.of("Hampshire Safeguarding Children Partnership"), day, "Sample agency",
                "Sample senior lead", "2025–27", "year 1", day, LetterKind.JOINT,
                List.of("Hampshire Safeguarding Children Partnership"),
                List.of(new LetterContent.StandardRow("S1", "Sample standard", "Fully in place", "Partly in place")),
                10, 20, List.of("A strength"),
                List.of(new LetterContent.Development("S1", "Sample standard", List.of("A paragraph"), List.of("A finding"))),
                List.of("A theme"), List.of(new LetterContent.RequiredAction("An action", day)), day, day,
                "the Section 11 team", "The panel");
    }
}
