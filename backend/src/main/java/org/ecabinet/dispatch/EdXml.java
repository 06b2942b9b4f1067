package org.ecabinet.dispatch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.ecabinet.events.dispatch.SignerInfo;
import org.ecabinet.events.dispatch.Urgency;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * edXML packages (QCVN 102:2016) as DOM documents: a document package (MessageHeader, TraceHeaderList,
 * manifest and the base64 PDF) and a status message (MessageStatus). The agency's XML-DSig seal goes
 * into {@code edXMLHeader}. Parsing refuses DOCTYPEs (no external entities, no entity expansion).
 */
final class EdXml {

    static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    static final int MAX_BYTES = 30 * 1024 * 1024;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    /** edXML business types of a document package: new, recall, update, replacement of a document sent before. */
    static final int NEW = 0;
    static final int RECALL = 1;
    static final int UPDATE = 2;
    static final int REPLACEMENT = 3;

    private EdXml() {
    }

    /** An organisation as edXML names it in From and To. */
    record Organ(String organId, String name) {
    }

    /** What a document package says. */
    record DocumentPackage(Organ from, List<Organ> to, String documentId, String codeNumber, String codeNotation, String place,
                           LocalDate promulgationDate, String documentType, String subject, SignerInfo signer, LocalDate dueDate,
                           Urgency urgency, int pageCount, int businessType, String businessReason, List<Trace> traces, String fileName,
                           byte[] pdf, List<Attached> attachments) {
    }

    /** A file carried base64 in the package (AttachmentEncoded/Attachment): the document itself, or one of its attachments. */
    record Attached(String name, byte[] bytes) {
    }

    record Trace(String organId, String timestamp) {
    }

    /** What a status message says about a document sent before. */
    record StatusMessage(String responseForDocumentId, String responseForOrganId, Organ from, String statusCode, String description,
                         String timestamp, String staff) {
    }

    static String documentId(String organId, LocalDate promulgationDate, String codeNumber, String codeNotation) {
        return organId + "," + DATE.format(promulgationDate) + "," + codeNumber + "/" + codeNotation;
    }

    /** The package of a dispatched document; the header is left for the seal (see {@link #header}). */
    static Document documentPackage(DocumentView view, Organ from, List<Organ> to, byte[] signedPdf, List<Attached> attachments, Instant now) {
        return documentPackage(view, from, to, signedPdf, attachments, view.replacesDocumentId == null ? NEW : REPLACEMENT, null, now);
    }

    /** The package again, asking its recipients to give it back (business type 1) or to let it be updated (2), with the reason. */
    static Document documentPackage(DocumentView view, Organ from, List<Organ> to, byte[] signedPdf, List<Attached> attachments, int businessType,
                                    String reason, Instant now) {
        Document document = newDocument();
        Element envelope = envelope(document);
        Element header = add(document, envelope, "edXMLHeader");
        Element message = add(document, header, "MessageHeader");
        organ(document, add(document, message, "From"), from);
        to.forEach(organ -> organ(document, add(document, message, "To"), organ));
        text(document, message, "DocumentId", view.edxmlDocumentId);
        Element code = add(document, message, "Code");
        text(document, code, "CodeNumber", view.codeNumber);
        text(document, code, "CodeNotation", view.codeNotation);
        Element promulgation = add(document, message, "PromulgationInfo");
        text(document, promulgation, "Place", view.promulgationPlace);
        text(document, promulgation, "PromulgationDate", DATE.format(view.promulgationDate));
        Element type = add(document, message, "DocumentType");
        text(document, type, "TypeName", view.documentType);
        text(document, message, "Subject", view.subject);
        text(document, message, "Content", "");
        Element signer = add(document, message, "SignerInfo");
        text(document, signer, "Competence", view.signer.competence() == null ? "" : view.signer.competence());
        text(document, signer, "Position", view.signer.position());
        text(document, signer, "FullName", view.signer.fullName());
        text(document, message, "DueDate", view.dueDate == null ? "" : DATE.format(view.dueDate));
        Element places = add(document, message, "ToPlaces");
        to.forEach(organ -> text(document, places, "Place", organ.name()));
        Element other = add(document, message, "OtherInfo");
        text(document, other, "Priority", String.valueOf(view.urgency.ordinal()));
        text(document, other, "SphereOfPromulgation", "");
        text(document, other, "TyperNotation", "");
        text(document, other, "PromulgationAmount", String.valueOf(to.size()));
        text(document, other, "PageAmount", String.valueOf(view.pageCount));
        text(document, other, "Appendixes", "");
        Element traces = add(document, header, "TraceHeaderList");
        Element trace = add(document, traces, "TraceHeader");
        text(document, trace, "OrganId", from.organId());
        text(document, trace, "Timestamp", TIMESTAMP.format(now));
        Element business = add(document, traces, "Bussiness");
        text(document, business, "BussinessDocType", String.valueOf(businessType));
        if (reason != null) {
            text(document, business, "BussinessDocReason", reason);
        }
        Element manifest = add(document, add(document, envelope, "edXMLBody"), "edXMLManifest");
        Element encoded = add(document, envelope, "AttachmentEncoded");
        List<Attached> files = new ArrayList<>();
        files.add(new Attached(view.currentPdf().fileName(), signedPdf));
        files.addAll(attachments);
        for (int i = 0; i < files.size(); i++) {
            String contentId = String.valueOf(i + 1);
            Element reference = add(document, manifest, "Reference");
            text(document, reference, "ContentId", "cid:" + contentId);
            text(document, reference, "AttachmentName", files.get(i).name());
            Element attachment = add(document, encoded, "Attachment");
            attachment.setAttribute("ContentId", contentId);
            attachment.setAttribute("ContentType", "application/pdf");
            attachment.setAttribute("Name", files.get(i).name());
            attachment.setTextContent(Base64.getEncoder().encodeToString(files.get(i).bytes()));
        }
        return document;
    }

    /** A status message answering a document package (edXML StatusCode 01–06, 13, 15, 16). */
    static Document statusMessage(String responseForDocumentId, String responseForOrganId, Organ from, String statusCode, String description,
                                  String staff, Instant at) {
        Document document = newDocument();
        Element envelope = envelope(document);
        Element status = add(document, add(document, envelope, "edXMLHeader"), "MessageStatus");
        Element responseFor = add(document, status, "ResponseFor");
        text(document, responseFor, "OrganId", responseForOrganId);
        text(document, responseFor, "DocumentId", responseForDocumentId);
        organ(document, add(document, status, "From"), from);
        text(document, status, "StatusCode", statusCode);
        text(document, status, "Description", description == null ? "" : description);
        text(document, status, "Timestamp", TIMESTAMP.format(at));
        text(document, add(document, status, "StaffInfo"), "Staff", staff == null ? "" : staff);
        add(document, envelope, "edXMLBody");
        return document;
    }

    static Element header(Document document) {
        return (Element) document.getElementsByTagNameNS(NS, "edXMLHeader").item(0);
    }

    static boolean isStatusMessage(Document document) {
        return document.getElementsByTagNameNS(NS, "MessageStatus").getLength() == 1;
    }

    static DocumentPackage readDocument(Document document) {
        Element message = one(document.getDocumentElement(), "MessageHeader");
        List<Organ> to = new ArrayList<>();
        NodeList tos = message.getElementsByTagNameNS(NS, "To");
        for (int i = 0; i < tos.getLength(); i++) {
            to.add(organ((Element) tos.item(i)));
        }
        Element code = one(message, "Code");
        Element promulgation = one(message, "PromulgationInfo");
        Element signer = one(message, "SignerInfo");
        Element other = one(message, "OtherInfo");
        List<Trace> traces = new ArrayList<>();
        NodeList traceHeaders = document.getElementsByTagNameNS(NS, "TraceHeader");
        for (int i = 0; i < traceHeaders.getLength(); i++) {
            traces.add(new Trace(text((Element) traceHeaders.item(i), "OrganId"), text((Element) traceHeaders.item(i), "Timestamp")));
        }
        List<Attached> files = new ArrayList<>();
        NodeList attached = document.getElementsByTagNameNS(NS, "Attachment");
        for (int i = 0; i < attached.getLength(); i++) {
            Element attachment = (Element) attached.item(i);
            files.add(new Attached(attachment.getAttribute("Name"), Base64.getMimeDecoder().decode(attachment.getTextContent().strip())));
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("The package has no Attachment.");
        }
        String due = text(message, "DueDate");
        int priority = Integer.parseInt(text(other, "Priority"));
        String competence = text(signer, "Competence");
        return new DocumentPackage(organ(one(message, "From")), to, text(message, "DocumentId"), text(code, "CodeNumber"), text(code, "CodeNotation"),
                text(promulgation, "Place"), LocalDate.parse(text(promulgation, "PromulgationDate"), DATE), text(one(message, "DocumentType"), "TypeName"),
                text(message, "Subject"), new SignerInfo(competence.isBlank() ? null : competence, text(signer, "Position"), text(signer, "FullName")),
                due.isBlank() ? null : LocalDate.parse(due, DATE), Urgency.values()[Math.min(priority, Urgency.values().length - 1)],
                Integer.parseInt(text(other, "PageAmount")), Integer.parseInt(text(document.getDocumentElement(), "BussinessDocType")),
                optionalText(document.getDocumentElement(), "BussinessDocReason"), traces,
                files.get(0).name(), files.get(0).bytes(), files.subList(1, files.size()));
    }

    static StatusMessage readStatus(Document document) {
        Element status = one(document.getDocumentElement(), "MessageStatus");
        Element responseFor = one(status, "ResponseFor");
        return new StatusMessage(text(responseFor, "DocumentId"), text(responseFor, "OrganId"), organ(one(status, "From")),
                text(status, "StatusCode"), text(status, "Description"), text(status, "Timestamp"), text(one(status, "StaffInfo"), "Staff"));
    }

    /** Parses a package as untrusted input: no DOCTYPE (so no external entities and no entity expansion), no XInclude. */
    static Document parse(byte[] xml) {
        if (xml.length > MAX_BYTES) {
            throw new IllegalArgumentException("The package is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new ByteArrayInputStream(xml));
            if (!NS.equals(document.getDocumentElement().getNamespaceURI()) || !"edXMLEnvelope".equals(document.getDocumentElement().getLocalName())) {
                throw new IllegalArgumentException("Not an edXML envelope (" + NS + ").");
            }
            return document;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("Not well-formed or not allowed XML: " + e.getMessage(), e);
        }
    }

    static byte[] serialize(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The envelope, declaring its namespace as an attribute: canonicalization, and so the seal's digest,
     * sees declarations only as attributes, and the parsed package will have this one.
     */
    private static Element envelope(Document document) {
        Element envelope = add(document, document, "edXMLEnvelope");
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:edXML", NS);
        return envelope;
    }

    private static void organ(Document document, Element parent, Organ organ) {
        text(document, parent, "OrganId", organ.organId());
        text(document, parent, "OrganName", organ.name());
    }

    private static Organ organ(Element element) {
        return new Organ(text(element, "OrganId"), text(element, "OrganName"));
    }

    private static Element add(Document document, Node parent, String name) {
        Element element = document.createElementNS(NS, "edXML:" + name);
        parent.appendChild(element);
        return element;
    }

    private static void text(Document document, Element parent, String name, String value) {
        add(document, parent, name).setTextContent(value);
    }

    private static Element one(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(NS, name);
        if (found.getLength() == 0) {
            throw new IllegalArgumentException("The package has no " + name + ".");
        }
        return (Element) found.item(0);
    }

    private static String optionalText(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(NS, name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().strip();
    }

    private static String text(Element parent, String name) {
        return one(parent, name).getTextContent().strip();
    }
}
