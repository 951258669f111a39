package vn.tandem.identity;

import org.springframework.data.jpa.repository.JpaRepository;

/** The area tree. */
public interface Areas extends JpaRepository<Area, Long> {}
