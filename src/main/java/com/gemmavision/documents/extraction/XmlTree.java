package com.gemmavision.documents.extraction;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML document read in one streaming pass (StAX) into a small tree of elements by local name, with bounds
 * counted as it is read: nesting depth, element count, attributes and text kept per element. A DOCTYPE is refused
 * (so no entity, external or expanding, reaches the reader), and namespaces are not resolved: an element is known
 * by the part of its name after the prefix, which is all an e-invoice needs and costs nothing however many
 * namespace declarations a file makes. Queries walk the tree once each, so reading a file costs time linear in
 * its size, never a parse or a whole-document scan per question.
 */
public final class XmlTree {

    /** Deepest nesting read; a real e-invoice nests about 12 levels. */
    static final int MAX_DEPTH = 64;

    /** Most elements read (a 5 MB e-invoice with 500 lines has about 40,000). */
    static final int MAX_ELEMENTS = 250_000;

    /** Characters of text kept per element; e-invoice values are far shorter. */
    static final int MAX_TEXT = 4_096;

    /** Attributes kept per element (namespace declarations are not attributes here). */
    private static final int MAX_ATTRIBUTES = 16;

    /** Why a file is not read as a tree: malformed, a DOCTYPE, or past a bound. Its message is for people. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** One element: its local name, its attributes by local name, its own text and its children in order. */
    static final class Element {
        final String name;
        final Map<String, String> attributes;
        final List<Element> children = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        private Element(String name, Map<String, String> attributes) {
            this.name = name;
            this.attributes = attributes;
        }

        /** All text inside the element, its children's included, whitespace folded; null when there is none. */
        String text() {
            StringBuilder all = new StringBuilder();
            Deque<Element> todo = new ArrayDeque<>();
            todo.push(this);
            while (!todo.isEmpty() && all.length() < MAX_TEXT) {
                Element element = todo.pop();
                all.append(element.text);
                for (int i = element.children.size() - 1; i >= 0; i--) {
                    todo.push(element.children.get(i));
                }
            }
            String value = all.toString().strip().replaceAll("\\s+", " ");
            return value.isEmpty() ? null : value;
        }

        /** The first element the path reaches from here, in document order. */
        Optional<Element> first(String path) {
            List<Element> found = all(path);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }

        /** The text of the first element the path reaches, or null. */
        String text(String path) {
            return first(path).map(Element::text).orElse(null);
        }

        /**
         * Every element a path reaches, in document order. A path is a list of steps by local name separated by
         * {@code /}; a step after {@code //} matches at any depth below, others match children; a step may carry
         * one attribute test {@code [@name='value']}. A leading {@code //} searches this element and everything
         * below it, {@code .//} everything below it, and a leading {@code /} or none starts at its children.
         */
        List<Element> all(String path) {
            List<Element> current = List.of(this);
            boolean anywhere = false;
            String rest = path;
            if (rest.startsWith("//")) {
                rest = rest.substring(2);
                anywhere = true;
                Element document = new Element("", Map.of());
                document.children.add(this);
                current = List.of(document);
            } else if (rest.startsWith(".//")) {
                rest = rest.substring(3);
                anywhere = true;
            } else if (rest.startsWith("/")) {
                rest = rest.substring(1);
            }
            for (String step : rest.split("/", -1)) {
                if (step.isEmpty()) {
                    anywhere = true;
                    continue;
                }
                current = step(current, Step.of(step), anywhere);
                anywhere = false;
                if (current.isEmpty()) {
                    break;
                }
            }
            return current;
        }

        private static List<Element> step(List<Element> from, Step step, boolean anywhere) {
            List<Element> out = new ArrayList<>();
            Set<Element> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Element context : from) {
                if (!anywhere) {
                    for (Element child : context.children) {
                        if (step.matches(child) && seen.add(child)) {
                            out.add(child);
                        }
                    }
                    continue;
                }
                Deque<Element> todo = new ArrayDeque<>();
                for (int i = context.children.size() - 1; i >= 0; i--) {
                    todo.push(context.children.get(i));
                }
                while (!todo.isEmpty()) {
                    Element element = todo.pop();
                    if (step.matches(element) && seen.add(element)) {
                        out.add(element);
                    }
                    for (int i = element.children.size() - 1; i >= 0; i--) {
                        todo.push(element.children.get(i));
                    }
                }
            }
            return out;
        }
    }

    private record Step(String name, String attribute, String value) {

        static Step of(String step) {
            int open = step.indexOf("[@");
            if (open < 0) {
                return new Step(step, null, null);
            }
            String test = step.substring(open + 2, step.length() - 1);
            int equals = test.indexOf('=');
            String value = test.substring(equals + 1).replace("'", "").replace("\"", "");
            return new Step(step.substring(0, open), test.substring(0, equals), value);
        }

        boolean matches(Element element) {
            return element.name.equals(name) && (attribute == null || value.equals(element.attributes.get(attribute)));
        }
    }

    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    private XmlTree() {}

    /** The local name of the root element, read without going further; a DOCTYPE before it is refused. */
    static String rootName(InputStream in) throws Refused {
        XMLStreamReader reader = open(in);
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new Refused("it declares a DOCTYPE, which this server does not read.");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return localName(reader.getLocalName());
                }
            }
            throw new Refused("it has no root element.");
        } catch (XMLStreamException | RuntimeException e) {
            throw new Refused("it is not well-formed XML.");
        } finally {
            close(reader);
        }
    }

    /** The whole document's root element, read within the bounds above. */
    static Element read(InputStream in) throws Refused {
        XMLStreamReader reader = open(in);
        Map<String, String> names = new HashMap<>();
        Deque<Element> open = new ArrayDeque<>();
        Element root = null;
        int elements = 0;
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD ->
                        throw new Refused("it declares a DOCTYPE, which this server does not read.");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new Refused("it refers to an entity, which this server does not read.");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() >= MAX_DEPTH) {
                            throw new Refused("its elements nest more than " + MAX_DEPTH + " levels deep.");
                        }
                        if (++elements > MAX_ELEMENTS) {
                            throw new Refused(
                                    String.format(Locale.ROOT, "it has more than %,d elements.", MAX_ELEMENTS));
                        }
                        Element element = new Element(
                                names.computeIfAbsent(localName(reader.getLocalName()), n -> n), attributes(reader));
                        if (open.isEmpty()) {
                            root = element;
                        } else {
                            open.peek().children.add(element);
                        }
                        open.push(element);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        Element element = open.peek();
                        if (element != null && element.text.length() < MAX_TEXT) {
                            int room = MAX_TEXT - element.text.length();
                            int length = Math.min(room, reader.getTextLength());
                            element.text.append(reader.getTextCharacters(), reader.getTextStart(), length);
                        }
                    }
                    default -> {
                        // comments, processing instructions: nothing an invoice states
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new Refused("it is not well-formed XML.");
        } finally {
            close(reader);
        }
        if (root == null) {
            throw new Refused("it has no root element.");
        }
        return root;
    }

    private static Map<String, String> attributes(XMLStreamReader reader) {
        int count = reader.getAttributeCount();
        if (count == 0) {
            return Map.of();
        }
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < count && attributes.size() < MAX_ATTRIBUTES; i++) {
            String name = reader.getAttributeLocalName(i);
            if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                continue;
            }
            String value = reader.getAttributeValue(i);
            attributes.put(localName(name), value.length() > 256 ? value.substring(0, 256) : value);
        }
        return attributes;
    }

    /** {@code cbc:ID} is {@code ID}: the reader does not resolve namespaces, so the prefix is cut here. */
    private static String localName(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    private static XMLStreamReader open(InputStream in) throws Refused {
        try {
            return FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new Refused("it is not well-formed XML.");
        }
    }

    private static void close(XMLStreamReader reader) {
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // nothing to release beyond the stream, which the caller closes
        }
    }

    static Element read(byte[] xml) throws Refused {
        return read(new ByteArrayInputStream(xml));
    }
}
