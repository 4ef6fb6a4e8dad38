package nl.stuurwiel.dashboard;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import nl.stuurwiel.doel.DoelService;
import nl.stuurwiel.domein.DomeinService;
import nl.stuurwiel.opdracht.OpdrachtInzage;
import nl.stuurwiel.security.Bewerkrechten;
import nl.stuurwiel.security.SecurityConfig;
import nl.stuurwiel.security.SsoInstellingen;
import nl.stuurwiel.system.Pagina;

/** The pages of the dashboard; their data comes from the JSON API. */
@Controller
@Pagina
public class DashboardPaginas {

    private final OpdrachtInzage inzage;
    private final DoelService doelService;
    private final SsoInstellingen sso;
    private final GebiedService gebiedService;
    private final Bewerkrechten rechten;
    private final DomeinService domeinService;

    public DashboardPaginas(OpdrachtInzage inzage, DoelService doelService, SsoInstellingen sso,
            GebiedService gebiedService, Bewerkrechten rechten, DomeinService domeinService) {
        this.inzage = inzage;
        this.domeinService = domeinService;
        this.rechten = rechten;
        this.gebiedService = gebiedService;
        this.doelService = doelService;
        this.sso = sso;
    }

    /** With single sign-on the login page leads to the identity provider; the form stays for local accounts. */
    @GetMapping("/login")
    public String login(Model model, jakarta.servlet.http.HttpServletRequest verzoek) {
        jakarta.servlet.http.HttpSession sessie = verzoek.getSession(false);
        if (sessie != null && sessie.getAttribute(SecurityConfig.LAATSTE_GEBRUIKERSNAAM) instanceof String naam) {
            sessie.removeAttribute(SecurityConfig.LAATSTE_GEBRUIKERSNAAM);
            model.addAttribute("gebruikersnaam", naam);
        }
        model.addAttribute("sso", sso.isEnabled());
        model.addAttribute("ssoAdres", "/oauth2/authorization/" + sso.getRegistratie());
        return "login";
    }

    /**
     * Where "Log out" in Tasklist, Cockpit and Admin leads (security/WebappUitlogPlugins): a form that logs out through Spring Security, CSRF token included.
     */
    @GetMapping("/uitloggen")
    public String uitloggen(Authentication wie, Model model) {
        if (wie == null || wie instanceof AnonymousAuthenticationToken) {
            return "redirect:/login?logout";
        }
        model.addAttribute("sso", wie instanceof OAuth2AuthenticationToken);
        return "uitloggen";
    }

    /** Pages show moments as the municipality counts days (stuurwiel.tijdzone), whatever the browser's zone. */
    @org.springframework.web.bind.annotation.ModelAttribute("tijdzone")
    public String tijdzone() {
        return java.util.TimeZone.getDefault().getID();
    }

    /** The server's address opens Stuurwiel, whose menu leads on to Tasklist and Cockpit. */
    @GetMapping("/")
    public String start() {
        return "redirect:/dashboard/";
    }

    @GetMapping({ "/dashboard", "/dashboard/" })
    public String dashboard() {
        return "dashboard";
    }

    @GetMapping("/dashboard/opdracht/{sleutel}")
    public String opdracht(@PathVariable String sleutel, Model model) {
        inzage.zichtbareOpdracht(sleutel);
        model.addAttribute("sleutel", sleutel);
        model.addAttribute("beheer", rechten.beheertPortfolio());
        model.addAttribute("overdragen", rechten.beheertTeams());
        model.addAttribute("reviewVervroegen", rechten.beheertTeams());
        model.addAttribute("domeinen", domeinService.gangbaar());
        return "opdracht";
    }

    /** A new opdracht, with the teams, doelen and gebieden to choose from; it goes to intake. */
    @GetMapping("/dashboard/aanvragen")
    public String aanvragen(Model model) {
        model.addAttribute("magAanvragen", rechten.magAanvragen());
        model.addAttribute("domeinen", domeinService.gangbaar());
        return "aanvragen";
    }

    /** Follow the Impact: every doel with its indicators, metingen and contributing opdrachten. */
    @GetMapping("/dashboard/impact")
    public String impact() {
        return "impact";
    }

    /** The overall plan: every gebied with its opdrachten, money and colours. */
    @GetMapping("/dashboard/gebieden")
    public String gebieden() {
        return "gebied";
    }

    /** One gebied's plan on one page (one A4 when printed). */
    @GetMapping("/dashboard/gebied/{gebied}")
    public String gebied(@PathVariable String gebied, Model model) {
        gebiedService.controleer(gebied);
        model.addAttribute("gebied", gebied);
        return "gebied";
    }

    /** The same page for any name, as the dashboard links to it: a slash or a % cannot travel in the path. */
    @GetMapping(path = "/dashboard/gebied", params = "naam")
    public String gebiedVan(@RequestParam String naam, Model model) {
        return gebied(naam, model);
    }

    /** The municipality's policy domains; the portfolio office, MT and administrators keep them here. */
    @GetMapping("/dashboard/domeinen")
    public String domeinen(Model model) {
        model.addAttribute("beheer", rechten.beheertPortfolio());
        return "domeinen";
    }

    /** Teams and their capacity; MT and administrators add and change them here. */
    @GetMapping("/dashboard/teams")
    public String teams(Model model) {
        model.addAttribute("beheer", rechten.beheertTeams());
        return "teams";
    }

    /** The goal tree and its indicators; the portfolio office, MT and administrators keep them here. */
    @GetMapping("/dashboard/doelen")
    public String doelen(Model model) {
        model.addAttribute("beheer", rechten.beheertPortfolio());
        return "doelen";
    }

    @GetMapping("/dashboard/doel/{code}")
    public String doel(@PathVariable String code, Model model) {
        doelService.doel(code);
        model.addAttribute("doel", code);
        return "impact";
    }
}
