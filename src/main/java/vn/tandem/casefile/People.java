package vn.tandem.casefile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The people behind the petitions. */
interface People extends JpaRepository<Person, Long> {

    List<Person> findByIdNumberOrderByIdAsc(String idNumber);

    List<Person> findByPhoneAndNameKeyOrderByIdAsc(String phone, String nameKey);

    List<Person> findByPhoneOrderByIdAsc(String phone);

    List<Person> findTop50ByNameKeyContainingOrderByIdAsc(String nameKey);
}
