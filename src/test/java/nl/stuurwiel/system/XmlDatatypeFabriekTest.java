package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import javax.xml.datatype.DatatypeFactory;

import org.junit.jupiter.api.Test;

import nl.stuurwiel.StuurwielTest;

/** Timers' due dates use the DatatypeFactory the class path search would find, without the search. */
@StuurwielTest
class XmlDatatypeFabriekTest {

    @Test
    void theEngineRunsWithTheJdksDatatypeFactoryNamedAndNoOtherOnTheClassPath() throws Exception {
        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
                .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        assertThat(DatatypeFactory.newInstance().getClass().getName())
                .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        // Were a library to bring its own implementation, naming the JDK's would replace it.
        assertThat(ServiceLoader.load(DatatypeFactory.class).stream().map(p -> p.type().getName()))
                .as("other DatatypeFactory implementations on the class path").isEmpty();
    }
}
