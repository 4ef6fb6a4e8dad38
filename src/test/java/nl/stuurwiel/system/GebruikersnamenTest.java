package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Names for user ids: one query for a whole response, and the id where there is no name to show. */
class GebruikersnamenTest {

    private final IdentityService identityService = mock(IdentityService.class);
    private final UserQuery query = mock(UserQuery.class, RETURNS_SELF);
    private final Gebruikersnamen gebruikersnamen = new Gebruikersnamen(identityService,
            new HuidigeGebruiker(identityService));

    private static User gebruiker(String id, String voornaam, String achternaam) {
        UserEntity u = new UserEntity(id);
        u.setFirstName(voornaam);
        u.setLastName(achternaam);
        return u;
    }

    @Test
    void allIdsOfAResponseAreLookedUpInOneQuery() {
        when(identityService.createUserQuery()).thenReturn(query);
        when(query.list()).thenReturn(List.of(gebruiker("tim", "Tim", "Visser"), gebruiker("olga", "Olga", null),
                gebruiker("leeg", null, " "), gebruiker("niets", null, null)));

        Gebruikersnamen.Namen namen = gebruikersnamen.van(Arrays.asList("tim", "olga", "tim", null, "leeg", "niets",
                "vertrokken"));

        verify(identityService, times(1)).createUserQuery();
        ArgumentCaptor<String[]> ids = ArgumentCaptor.forClass(String[].class);
        verify(query).userIdIn(ids.capture());
        assertThat(ids.getValue()).containsExactlyInAnyOrder("tim", "olga", "leeg", "niets", "vertrokken");
        assertThat(namen.naam("tim")).isEqualTo("Tim Visser");
        assertThat(namen.naam("olga")).isEqualTo("Olga");
        assertThat(namen.naam("leeg")).as("no names: the id, never 'null null'").isEqualTo("leeg");
        assertThat(namen.naam("niets")).isEqualTo("niets");
        assertThat(namen.naam("vertrokken")).as("removed from Camunda").isEqualTo("vertrokken");
        assertThat(namen.naam(null)).isNull();
    }

    @Test
    void noIdsNoQuery() {
        assertThat(gebruikersnamen.van(Arrays.asList(null, " ")).naam("x")).isEqualTo("x");
        verify(identityService, never()).createUserQuery();
        verify(query, never()).userIdIn(any());
    }
}
