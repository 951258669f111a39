package vn.tandem.reception;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Receptions extends JpaRepository<Reception, Long> {

    List<Reception> findByHeldOnBetweenOrderByHeldOnDescIdDesc(LocalDate from, LocalDate to);
}

interface Dialogues extends JpaRepository<Dialogue, Long> {

    List<Dialogue> findByHeldOnBetweenOrderByHeldOnDescIdDesc(LocalDate from, LocalDate to);
}
