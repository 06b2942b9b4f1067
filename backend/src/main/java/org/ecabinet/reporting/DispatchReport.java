package org.ecabinet.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.ecabinet.dispatch.DocumentView;
import org.ecabinet.events.dispatch.Confidentiality;
import org.ecabinet.identity.Agencies;

/**
 * The figures the Government tracks per sending agency over a period, from the documents' projection:
 *
 * <ul>
 * <li>{@code sent}: ordinary documents the agency registered for sending in the period (secret ones never
 * travel over the axis and are not counted);</li>
 * <li>{@code signed} and {@code signedShare}: how many of them were digitally signed; an unsigned one cannot
 * be dispatched here and goes on paper;</li>
 * <li>{@code received}: documents that arrived at the agency in the period;</li>
 * <li>{@code medianMinutesToAcceptance}: from dispatch to receipt (status 03), over the recipients of the
 * agency's documents;</li>
 * <li>{@code overdue}: the agency's documents whose due date has passed while a recipient has not finished;</li>
 * <li>{@code pagesSaved}: pages of the dispatched documents times their recipients, each of which would
 * otherwise have received a printed copy.</li>
 * </ul>
 */
record DispatchReport(Instant from, Instant to, List<AgencyFigures> agencies) {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    record AgencyFigures(String organId, String name, long sent, long signed, Double signedShare, long dispatched, long received,
                         Long medianMinutesToAcceptance, long overdue, long pagesSaved) {
    }

    static DispatchReport of(List<DocumentView> documents, List<Agencies.Agency> agencies, Instant from, Instant to, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, HANOI);
        List<AgencyFigures> figures = new ArrayList<>();
        for (Agencies.Agency agency : agencies) {
            List<DocumentView> sent = documents.stream()
                    .filter(d -> agency.organId().equals(d.senderOrganId) && d.confidentiality == Confidentiality.ORDINARY && within(d.registeredAt, from, to))
                    .toList();
            long signed = sent.stream().filter(d -> d.signature != null).count();
            List<DocumentView> dispatched = sent.stream().filter(d -> d.dispatchedAt != null).toList();
            long received = documents.stream().flatMap(d -> d.recipients.stream())
                    .filter(r -> agency.organId().equals(r.organId) && within(r.deliveredAt, from, to)).count();
            List<Long> minutes = dispatched.stream().flatMap(d -> d.recipients.stream()
                            .filter(r -> r.acceptedAt != null).map(r -> Duration.between(d.dispatchedAt, r.acceptedAt).toMinutes()))
                    .sorted().toList();
            long overdue = dispatched.stream().filter(d -> d.dueDate != null && d.dueDate.isBefore(today)
                    && d.recipients.stream().anyMatch(r -> r.status == null || !r.status.name().matches("DONE|REJECTED|RECALLED"))).count();
            long pages = dispatched.stream().mapToLong(d -> (long) d.pageCount * d.recipients.size()).sum();
            figures.add(new AgencyFigures(agency.organId(), agency.name(), sent.size(), signed, sent.isEmpty() ? null : (double) signed / sent.size(),
                    dispatched.size(), received, median(minutes), overdue, pages));
        }
        figures.sort(Comparator.comparing(AgencyFigures::sent).reversed().thenComparing(AgencyFigures::organId));
        return new DispatchReport(from, to, figures);
    }

    String csv() {
        StringBuilder csv = new StringBuilder("organId,agency,sent,signed,signedShare,dispatched,received,medianMinutesToAcceptance,overdue,pagesSaved\r\n");
        for (AgencyFigures f : agencies) {
            csv.append(String.join(",", f.organId(), quoted(f.name()), String.valueOf(f.sent()), String.valueOf(f.signed()),
                    f.signedShare() == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", f.signedShare()), String.valueOf(f.dispatched()),
                    String.valueOf(f.received()), Objects.toString(f.medianMinutesToAcceptance(), ""), String.valueOf(f.overdue()),
                    String.valueOf(f.pagesSaved()))).append("\r\n");
        }
        return csv.toString();
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    private static Long median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
