package nl.stuurwiel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import nl.stuurwiel.StuurwielApplication;

class BeheerderControleTest {

    @Test
    void emptyDefaultAndWeakAdministratorPasswordsAreRefused() {
        assertThat(BeheerderControle.bezwaarTegen("beheerder", "")).contains("leeg");
        assertThat(BeheerderControle.bezwaarTegen("beheerder", null)).contains("leeg");
        assertThat(BeheerderControle.bezwaarTegen("", "Sterk-Wachtwoord-1")).contains("geen beheerder");
        assertThat(BeheerderControle.bezwaarTegen("admin", "demo")).contains("standaardwachtwoord");
        assertThat(BeheerderControle.bezwaarTegen("beheerder", "Beheerder")).contains("standaardwachtwoord");
        assertThat(BeheerderControle.bezwaarTegen("beheerder", "kort-1A")).contains("zwak");
        assertThat(BeheerderControle.bezwaarTegen("beheerder", "alleenkleineletters-123")).contains("zwak");
        assertThat(BeheerderControle.bezwaarTegen("beheerder", "GeenLeesteken123")).contains("zwak");
        assertThat(BeheerderControle.bezwaarTegen("beheerder", "Sterk-Wachtwoord-1")).isNull();
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
