package org.ecabinet.dispatch;

/**
 * Where a document stands at one recipient, with its edXML status code: 01 arrived, 02 rejected,
 * 03 accepted, 04 assigned, 05 processing, 06 done, 13 recalled.
 */
public enum RecipientStatus {
    DELIVERED("01"), REJECTED("02"), ACCEPTED("03"), ASSIGNED("04"), PROCESSING("05"), DONE("06"), RECALLED("13");

    final String edxmlCode;

    RecipientStatus(String edxmlCode) {
        this.edxmlCode = edxmlCode;
    }

    boolean isFinal() {
        return this == REJECTED || this == DONE || this == RECALLED;
    }
}
