package vn.tandem.notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseChanged;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseStatus;
import vn.tandem.casefile.Outcome;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.sla.CaseClocks;
import vn.tandem.sla.LegalStep;

/**
 * Issues the documents the law requires as soon as the change that requires them has committed, so none is
 * forgotten: the notice of each notice clock that started and is still owed (a denunciation's acceptance, the
 * decision, the transfer), the slip that sends a transferred matter to the competent body, and the refusal notice
 * with the officer's reason. Each in its own transaction, keyed by the duty (case, type, start of its clock): a
 * second attempt — another node, a second change — fails on the unique key and issues nothing. Citizens' notices
 * need a petitioner to address (an anonymous signal has none); a failure (a broken template) is logged and the case
 * page still offers to issue the notice by hand.
 */
@Component
class NoticeDuties {

    private static final Logger log = LoggerFactory.getLogger(NoticeDuties.class);

    /** A document owed: what, on which ground, to whom, under which key. */
    record Duty(NoticeType type, String legalGround, String recipient, String key) {}

    private final CaseFiles caseFiles;
    private final CaseClocks clocks;
    private final Transfers transfers;
    private final Notices notices;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    NoticeDuties(
            CaseFiles caseFiles,
            CaseClocks clocks,
            Transfers transfers,
            Notices notices,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions) {
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.transfers = transfers;
        this.notices = notices;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CaseChanged event) {
        long caseId = event.summary().id();
        String actor =
                Directory.optionalCurrentUser().map(CurrentUser::username).orElse(null);
        List<Duty> owed = transaction.execute(status -> owed(caseId));
        for (Duty duty : owed == null ? List.<Duty>of() : owed) {
            try {
                transaction.executeWithoutResult(status -> notices.issueOwed(
                        caseFiles.byId(caseId).orElseThrow(),
                        duty.type(),
                        duty.legalGround(),
                        duty.recipient(),
                        actor,
                        duty.key()));
            } catch (DataIntegrityViolationException already) {
                log.debug("Notice {} was issued by another transaction", duty.key());
            } catch (RuntimeException e) {
                log.warn("Could not issue notice {}: {}", duty.key(), e.toString());
            }
        }
    }

    /** The documents the case owes now that are not issued yet. */
    List<Duty> owed(long caseId) {
        Case c = caseFiles.byId(caseId).orElse(null);
        if (c == null) {
            return List.of();
        }
        Set<String> met = new HashSet<>(jdbc.queryForList(
                "select auto_key from case_notice where case_id = ? and auto_key is not null", String.class, caseId));
        boolean addressed = !c.getPetitioners().isEmpty();
        Optional<Transfer> transfer = transfers.of(caseId);
        List<CaseClocks.StepClock> caseClocks = clocks.of(c);
        List<Duty> duties = new ArrayList<>();
        transfer.ifPresent(t -> groundOf(caseClocks, LegalStep.FORWARD)
                .or(() -> groundOf(caseClocks, LegalStep.TRANSFER_NOTICE))
                .ifPresent(ground -> duties.add(new Duty(
                        NoticeType.TRANSFER_SLIP,
                        ground,
                        t.getRecipient(),
                        caseId + ":" + NoticeType.TRANSFER_SLIP + ":" + t.getId()))));
        for (CaseClocks.StepClock s : caseClocks) {
            NoticeType type = NoticeDates.typeOf(s.step());
            if (type == null || s.phase() != CaseClocks.Phase.INFO || !addressed) {
                continue;
            }
            String recipient = null;
            if (type == NoticeType.TRANSFER) {
                if (transfer.isEmpty()) {
                    continue;
                }
                recipient = transfer.get().getRecipient();
            }
            duties.add(new Duty(
                    type,
                    s.deadline().rule().getLegalBasis(),
                    recipient,
                    caseId + ":" + type + ":" + s.deadline().start()));
        }
        if (addressed
                && c.getStatus() == CaseStatus.CLOSED
                && c.getOutcome() == Outcome.REFUSED
                && c.getOutcomeNote() != null
                && c.getClosedAt() != null) {
            LocalDate closed = c.getClosedAt().atZone(clocks.zone()).toLocalDate();
            duties.add(new Duty(
                    NoticeType.REFUSAL,
                    c.getOutcomeNote().length() > 1000 ? c.getOutcomeNote().substring(0, 1000) : c.getOutcomeNote(),
                    null,
                    caseId + ":" + NoticeType.REFUSAL + ":" + closed));
        }
        return duties.stream().filter(d -> !met.contains(d.key())).toList();
    }

    private static Optional<String> groundOf(List<CaseClocks.StepClock> caseClocks, LegalStep step) {
        return caseClocks.stream()
                .filter(s -> s.step() == step)
                .map(s -> s.deadline().rule().getLegalBasis())
                .findFirst();
    }
}
