package nl.stuurwiel.opdracht;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import nl.stuurwiel.team.Team;

/** An opdracht handed from one team to another, with the reason; written once, never changed. */
@Entity
@Table(name = "opdracht_overdracht")
public class Overdracht {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Opdracht opdracht;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "van_team_id")
    private Team vanTeam;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "naar_team_id")
    private Team naarTeam;

    private String reden;
    private String door;
    private Instant op;

    protected Overdracht() {
    }

    public Overdracht(Opdracht opdracht, Team vanTeam, Team naarTeam, String reden, String door, Instant op) {
        this.opdracht = opdracht;
        this.vanTeam = vanTeam;
        this.naarTeam = naarTeam;
        this.reden = reden;
        this.door = door;
        this.op = op;
    }

    public Long getId() {
        return id;
    }

    public Opdracht getOpdracht() {
        return opdracht;
    }

    public Team getVanTeam() {
        return vanTeam;
    }

    public Team getNaarTeam() {
        return naarTeam;
    }

    public String getReden() {
        return reden;
    }

    public String getDoor() {
        return door;
    }

    public Instant getOp() {
        return op;
    }
}
