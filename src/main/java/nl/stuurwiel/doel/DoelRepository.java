package nl.stuurwiel.doel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DoelRepository extends JpaRepository<Doel, Long> {

    Optional<Doel> findByCode(String code);

    List<Doel> findByCodeIn(Collection<String> codes);
}
