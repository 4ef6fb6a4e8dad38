package nl.stuurwiel.bench;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

import nl.stuurwiel.opdracht.Opdracht;

/**
 * The key lookup as it was before bench 1's tuning: a query derived from the method name
 * (Spring Data builds a criteria query). Only {@link LevenscyclusBench} uses it, to compare it
 * with the JPQL of {@code OpdrachtRepository.findBySleutel} in the same run.
 */
public interface AfgeleidOpzoeken extends Repository<Opdracht, Long> {

    @EntityGraph(attributePaths = {"team", "doelKoppelingen", "doelKoppelingen.doel"})
    Optional<Opdracht> findBySleutel(String sleutel);
}
