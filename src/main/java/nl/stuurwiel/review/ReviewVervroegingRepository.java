package nl.stuurwiel.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ReviewVervroegingRepository extends JpaRepository<ReviewVervroeging, Long> {

    @Query("select v from ReviewVervroeging v where v.opdracht.sleutel = :sleutel order by v.op, v.id")
    List<ReviewVervroeging> vanOpdracht(@Param("sleutel") String sleutel);
}
