package nl.stuurwiel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import nl.stuurwiel.StuurwielApplication;

class BeheerderControleTest {

    @Test
    void emptyDefaultAndWeakAdministratorPasswordsAreRefused() {
        assertThat(bezwaar("beheerder", "")).contains("leeg");
        assertThat(bezwaar("beheerder", null)).contains("leeg");
        assertThat(bezwaar("", "Sterk-Wachtwoord-1")).contains("geen beheerder");
        assertThat(bezwaar("admin", "demo")).contains("standaardwachtwoord");
        assertThat(bezwaar("beheerder", "Beheerder")).contains("standaardwachtwoord");
        assertThat(bezwaar("beheerder", "kort-1A")).contains("zwak");
        assertThat(bezwaar("beheerder", "alleenkleineletters-123")).contains("zwak");
        assertThat(bezwaar("beheerder", "GeenLeesteken123")).contains("zwak");
        assertThat(bezwaar("beheerder", "Password123!")).as("a known word dressed up").contains("standaardwachtwoord");
        assertThat(bezwaar("beheerder", "Welkom-2026!")).contains("standaardwachtwoord");
        assertThat(bezwaar("beheerder", "Aaaaaaaaaaa1!")).contains("verschillende tekens");
        assertThat(bezwaar("beheerder", "Sterk-Wachtwoord-1")).isNull();
    }

    @Test
    void aPasswordHoldingTheAccountsNameIsRefusedBeforeCamundasPolicyWould() {
        assertThat(bezwaar("beheer", "Beheer-Wachtwoord-1!")).contains("gebruikersnaam");
        assertThat(bezwaar("it-admin", "Stuurwiel-Geheim-1!")).contains("naam van de beheerder");
        assertThat(BeheerderControle.bezwaarTegen("it-admin", "Sterk-Geheim-1!", Arrays.asList("", null))).isNull();
    }

    private static String bezwaar(String gebruiker, String wachtwoord) {
        return BeheerderControle.bezwaarTegen(gebruiker, wachtwoord, List.of("Beheerder", "Stuurwiel"));
    }

    @Test
    void applicationRefusesToStartWithoutAnAdministratorPasswordOutsideDemo() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(StuurwielApplication.class).web(WebApplicationType.NONE).run(
                "--stuurwiel.beheerder.wachtwoord=", "--spring.datasource.url=jdbc:h2:mem:zonder-beheerder;DB_CLOSE_DELAY=-1"))
                .rootCause()
                .hasMessageContaining("Stuurwiel start niet")
                .hasMessageContaining("STUURWIEL_ADMIN_PASSWORD");
    }
}
