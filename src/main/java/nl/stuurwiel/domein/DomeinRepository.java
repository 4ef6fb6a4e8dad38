package nl.stuurwiel.domein;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DomeinRepository extends JpaRepository<Domein, String> {

    @Query("select d from Domein d order by d.naam, d.code")
    List<Domein> opNaam();

    @Query("select count(o) from Opdracht o where o.domein = :code")
    long opdrachten(@Param("code") String code);
}
