package vn.tandem.program;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ProgramItems extends JpaRepository<ProgramItem, Long>, JpaSpecificationExecutor<ProgramItem> {}
