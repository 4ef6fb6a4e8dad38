package nl.stuurwiel.rapportage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import nl.stuurwiel.security.Toegang;

/** The dashboard's "Rapportages" page: the reports this reader may see, with their downloads. */
@Controller
public class RapportagePaginas {

    private final RapportageService rapportageService;
    private final Toegang toegang;

    public RapportagePaginas(RapportageService rapportageService, Toegang toegang) {
        this.rapportageService = rapportageService;
        this.toegang = toegang;
    }

    @GetMapping("/dashboard/rapportages")
    public String rapportages(Model model) {
        model.addAttribute("rapportages", rapportageService.lijst());
        model.addAttribute("conceptenZichtbaar", toegang.zietAlles());
        model.addAttribute("opmaak", new Opmaak());
        return "rapportages";
    }
}
