package vn.tandem.notification;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface Notifications extends JpaRepository<Notification, Long> {

    long countByRecipientAndReadAtIsNull(String recipient);

    List<Notification> findByRecipientOrderByCreatedAtDescIdDesc(String recipient, Pageable page);

    List<Notification> findByRecipientAndReadAtIsNull(String recipient);
}
