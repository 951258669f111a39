package vn.tandem.open311.web;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The Open311 XML format (the specification's required one), written with the JDK's StAX writer — for the
 * {@code /open311} endpoints only; the rest of the API speaks JSON. A map becomes child elements in order, a list
 * repeats its item element, a null value is an empty element.
 */
final class Open311Xml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Open311Xml() {}

    /** A document: {@code <root><item>…</item>…</root>} for a list, {@code <root>…</root>} for a map. */
    static String write(String root, String item, Object value) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            if (value instanceof List<?> list) {
                for (Object o : list) {
                    element(xml, item, o);
                }
            } else {
                children(xml, (Map<?, ?>) value);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void children(XMLStreamWriter xml, Map<?, ?> map) throws XMLStreamException {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = (String) e.getKey();
            if (e.getValue() instanceof Open311Json.Repeated repeated) {
                xml.writeStartElement(name);
                for (Object o : repeated.items()) {
                    element(xml, repeated.item(), o);
                }
                xml.writeEndElement();
            } else {
                element(xml, name, e.getValue());
            }
        }
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            children(xml, map);
        } else {
            xml.writeCharacters(String.valueOf(value));
        }
        xml.writeEndElement();
    }
}
