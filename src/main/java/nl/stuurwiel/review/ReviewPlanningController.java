package nl.stuurwiel.review;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.stuurwiel.opdracht.OpdrachtInzage;
import nl.stuurwiel.opdracht.OpdrachtWeergave.Detail;

@RestController
@RequestMapping(path = "/api/opdrachten/{sleutel}", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReviewPlanningController {

    private final ReviewPlanning planning;
    private final OpdrachtInzage inzage;

    public ReviewPlanningController(ReviewPlanning planning, OpdrachtInzage inzage) {
        this.planning = planning;
        this.inzage = inzage;
    }

    /**
     * Brings the next review of a running opdracht forward (MT and administrators), with a reason.
     * Answers the opdracht as it is now, with its new review moment.
     */
    @PostMapping(path = "/review-vervroeging", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Detail vervroeg(@PathVariable String sleutel, @RequestBody ReviewVervroegingInvoer invoer) {
        inzage.zichtbareOpdracht(sleutel);
        planning.vervroeg(sleutel, invoer);
        return inzage.detail(sleutel);
    }
}
