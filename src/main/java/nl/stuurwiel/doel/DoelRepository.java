package nl.stuurwiel.doel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DoelRepository extends JpaRepository<Doel, Long> {

    Optional<Doel> findByCode(String code);

    List<Doel> findByCodeIn(Collection<String> codes);

    long countByOuder(Doel ouder);

    @Query("select count(k) from OpdrachtDoel k where k.doel = :doel")
    long aantalOpdrachten(@Param("doel") Doel doel);

    @Query("select count(i) from Indicator i where i.doel = :doel")
    long aantalIndicatoren(@Param("doel") Doel doel);

    /**
     * Per link: doel id, opdracht key, title, phase, expected contribution and weight, then what
     * decides who may see the opdracht (confidential, team group, requester).
     */
    @Query("""
            select k.doel.id, o.sleutel, o.titel, o.fase, k.bijdrage, k.gewicht, o.vertrouwelijk, o.team.groepId,
                   o.aanvrager
            from OpdrachtDoel k join k.opdracht o order by k.gewicht desc, o.sleutel
            """)
    List<Object[]> bijdragen();

    /** Per indicator on a doel: doel id, indicator id, name, status, measurable. */
    @Query("""
            select i.doel.id, i.id, i.naam, i.status,
                   case when i.basiswaarde is not null and i.streefwaarde is not null and i.streefdatum is not null
                        then true else false end
            from Indicator i where i.doel is not null order by i.naam
            """)
    List<Object[]> indicatoren();
}
