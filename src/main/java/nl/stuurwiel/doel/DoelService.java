package nl.stuurwiel.doel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.stuurwiel.security.Bewerkrechten;
import nl.stuurwiel.system.ConflictException;
import nl.stuurwiel.system.NietGevondenException;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.Opmaak;

/**
 * The goal tree: ambities and opgaven (with a period) and wettelijke taken (with their law) as
 * roots, doelen under them to any depth. A doel can never hang under itself.
 */
@Service
@Transactional
public class DoelService {

    private final DoelRepository doelen;
    private final Bewerkrechten rechten;

    public DoelService(DoelRepository doelen, Bewerkrechten rechten) {
        this.doelen = doelen;
        this.rechten = rechten;
    }

    public Doel maak(DoelInvoer invoer) {
        rechten.controleerPortfoliobeheer("doelen aanmaken");
        if (invoer == null) {
            throw new OngeldigeInvoerException("doel", "is leeg");
        }
        Map<String, String> fouten = new LinkedHashMap<>();
        String code = tekst(invoer.code());
        if (code == null) {
            fouten.put("code", "is verplicht");
        } else if (code.length() > 50 || !code.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            fouten.put("code", "mag alleen letters, cijfers, '-', '_' en '.' bevatten (maximaal 50)");
        } else if (doelen.findByCode(code).isPresent()) {
            fouten.put("code", "bestaat al");
        }
        Doel ouder = controleer(invoer, fouten);
        meld(fouten);
        Doel doel = new Doel(code, invoer.naam().strip(), invoer.soort(), ouder);
        zetVelden(doel, invoer);
        return doelen.save(doel);
    }

    public Doel wijzig(String code, DoelInvoer invoer) {
        rechten.controleerPortfoliobeheer("doelen wijzigen");
        Doel doel = doel(code);
        if (invoer == null) {
            throw new OngeldigeInvoerException("doel", "is leeg");
        }
        Map<String, String> fouten = new LinkedHashMap<>();
        if (invoer.code() != null && !invoer.code().strip().equals(code)) {
            fouten.put("code", "kan niet wijzigen");
        }
        Doel ouder = controleer(invoer, fouten);
        if (ouder != null && doel.isVoorouderVan(ouder)) {
            fouten.put("ouder", ouder.getCode().equals(code) ? "een doel kan niet onder zichzelf hangen"
                    : "doel " + ouder.getCode() + " hangt onder " + code + "; dat zou een kring maken");
        }
        meld(fouten);
        doel.setNaam(invoer.naam().strip());
        doel.setSoort(invoer.soort());
        doel.setOuder(ouder);
        zetVelden(doel, invoer);
        return doel;
    }

    /** Deletes a doel nobody depends on: no doelen under it, no opdrachten or indicators linked. */
    public void verwijder(String code) {
        rechten.controleerPortfoliobeheer("doelen verwijderen");
        Doel doel = doel(code);
        long kinderen = doelen.countByOuder(doel);
        long opdrachten = doelen.aantalOpdrachten(doel);
        long indicatoren = doelen.aantalIndicatoren(doel);
        List<String> eraan = new ArrayList<>();
        if (kinderen > 0) {
            eraan.add(kinderen + (kinderen == 1 ? " doel eronder" : " doelen eronder"));
        }
        if (opdrachten > 0) {
            eraan.add(opdrachten + (opdrachten == 1 ? " opdracht" : " opdrachten"));
        }
        if (indicatoren > 0) {
            eraan.add(indicatoren + (indicatoren == 1 ? " indicator" : " indicatoren"));
        }
        if (!eraan.isEmpty()) {
            String opsomming = eraan.size() == 1 ? eraan.get(0)
                    : String.join(", ", eraan.subList(0, eraan.size() - 1)) + " en " + eraan.get(eraan.size() - 1);
            throw new ConflictException("Doel " + code + " kan niet weg zolang er iets aan hangt: " + opsomming
                    + ".");
        }
        doelen.delete(doel);
    }

    @Transactional(readOnly = true)
    public Doel doel(String code) {
        return doelen.findByCode(code).orElseThrow(() -> new NietGevondenException("Doel " + code + " bestaat niet"));
    }

    @Transactional(readOnly = true)
    public List<Doel> alle() {
        return doelen.findAll();
    }

    private Doel controleer(DoelInvoer invoer, Map<String, String> fouten) {
        if (tekst(invoer.naam()) == null) {
            fouten.put("naam", "is verplicht");
        } else if (invoer.naam().strip().length() > 300) {
            fouten.put("naam", "is langer dan 300 tekens");
        }
        if (invoer.omschrijving() != null && invoer.omschrijving().length() > 4000) {
            fouten.put("omschrijving", "is langer dan 4000 tekens");
        }
        DoelSoort soort = invoer.soort();
        Doel ouder = null;
        String ouderCode = tekst(invoer.ouder());
        if (ouderCode != null) {
            ouder = doelen.findByCode(ouderCode).orElse(null);
            if (ouder == null) {
                fouten.put("ouder", "onbekend doel '" + ouderCode + "'");
            }
        }
        if (soort == null) {
            fouten.put("soort", "is verplicht: ambitie, opgave, wettelijke taak (wettelijke_taak) of doel");
            return ouder;
        }
        if (soort.isWortel() && ouderCode != null) {
            fouten.put("ouder", "een " + woord(soort) + " staat bovenaan de boom en heeft geen ouder");
        }
        if (!soort.isWortel() && ouderCode == null) {
            fouten.put("ouder", "een doel hangt onder een ambitie, opgave, wettelijke taak of ander doel");
        }
        if (soort.heeftPeriode()) {
            if (invoer.van() == null) {
                fouten.put("van", "is verplicht bij een " + woord(soort));
            }
            if (invoer.tot() == null) {
                fouten.put("tot", "is verplicht bij een " + woord(soort));
            } else if (invoer.van() != null && invoer.tot().isBefore(invoer.van())) {
                fouten.put("tot", "ligt voor de begindatum " + new Opmaak().datum(invoer.van()));
            }
        } else if (invoer.van() != null || invoer.tot() != null) {
            fouten.put(invoer.van() != null ? "van" : "tot", "alleen een ambitie of opgave heeft een periode");
        }
        if (soort == DoelSoort.WETTELIJKE_TAAK) {
            if (tekst(invoer.wet()) == null) {
                fouten.put("wet", "is verplicht bij een wettelijke taak");
            } else if (invoer.wet().strip().length() > 200) {
                fouten.put("wet", "is langer dan 200 tekens");
            }
        } else if (tekst(invoer.wet()) != null) {
            fouten.put("wet", "alleen een wettelijke taak noemt een wet");
        }
        return ouder;
    }

    private static void zetVelden(Doel doel, DoelInvoer invoer) {
        doel.setOmschrijving(tekst(invoer.omschrijving()));
        doel.setPeriode(invoer.van(), invoer.tot());
        doel.setWet(tekst(invoer.wet()));
    }

    private static void meld(Map<String, String> fouten) {
        if (!fouten.isEmpty()) {
            throw new OngeldigeInvoerException(fouten);
        }
    }

    static String woord(DoelSoort soort) {
        return soort.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String tekst(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
