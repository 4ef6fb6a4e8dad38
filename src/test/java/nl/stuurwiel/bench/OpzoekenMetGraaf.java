package nl.stuurwiel.bench;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

import nl.stuurwiel.opdracht.Opdracht;

/**
 * The key lookup as {@code OpdrachtRepository.findBySleutel} had it before, for
 * {@link LevenscyclusBench}: the same rows fetched through an entity graph. Hibernate 6.6 does
 * not cache the plan of a query that carries an entity graph and translates it to SQL on every
 * call; the repository now fetches with {@code join fetch} in a JPQL string, whose plan it caches.
 */
public interface OpzoekenMetGraaf extends Repository<Opdracht, Long> {

    @EntityGraph(attributePaths = {"team", "doelKoppelingen", "doelKoppelingen.doel"})
    Optional<Opdracht> findBySleutel(String sleutel);
}
