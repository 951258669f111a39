package vn.tandem.notice.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseVisibility;
import vn.tandem.casefile.Petitioner;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Role;
import vn.tandem.notice.NoticeType;
import vn.tandem.notice.Notices;
import vn.tandem.notice.Transfer;
import vn.tandem.notice.Transfers;

/**
 * The notices and the transfer of a case as the case page shows them (templates call it as {@code @noticePanel}):
 * the documents issued with their files, the form to issue one, the transfer with its forwarding limit, the answer
 * awaited and the form to record it.
 */
@Component("noticePanel")
class NoticePanel {

    record View(
            String caseCode,
            List<Notices.Issued> notices,
            boolean mayIssue,
            boolean mayOpenAll,
            String username,
            Transfers.TransferView transfer,
            boolean mayAnswer) {

        /** A notice naming a confidential denouncer opens for those who may reveal and for its issuer. */
        public boolean mayOpen(Notices.Issued notice) {
            return mayOpenAll || username.equals(notice.issuedBy());
        }

        public List<NoticeType> types() {
            return List.of(NoticeType.values());
        }

        public List<Transfer.AnswerKind> answerKinds() {
            return List.of(Transfer.AnswerKind.values());
        }
    }

    private final Notices notices;
    private final Transfers transfers;

    NoticePanel(Notices notices, Transfers transfers) {
        this.notices = notices;
        this.transfers = transfers;
    }

    @Transactional(readOnly = true)
    public View of(Case c, CurrentUser user) {
        boolean leadSide = CaseVisibility.mayContribute(user, c)
                && (user.isAdmin() || user.agency().equals(c.getLeadAgency()));
        boolean issues = leadSide && (user.isAdmin() || user.has(Role.OFFICER) || user.has(Role.SUPERVISOR));
        boolean confidential = c.getPetitioners().stream().anyMatch(Petitioner::isConfidential);
        return new View(
                c.getCode(),
                notices.of(c.getCode(), user),
                issues,
                !confidential || CaseVisibility.leads(user, c),
                user.username(),
                transfers.ofCase(c.getCode(), user).orElse(null),
                issues);
    }
}
