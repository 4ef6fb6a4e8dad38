package nl.stuurwiel.opdracht;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Last number handed out per year, so that keys read OPD-2026-0042 on H2 and PostgreSQL alike. */
@Entity
public class OpdrachtVolgnummer {

    @Id
    private Integer jaar;
    private int laatste;

    protected OpdrachtVolgnummer() {
    }

    public OpdrachtVolgnummer(int jaar) {
        this.jaar = jaar;
    }

    public int volgende() {
        return ++laatste;
    }
}
