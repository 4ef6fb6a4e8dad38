package nl.stuurwiel.system;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's own {@link DatatypeFactory}. Camunda computes a timer's due date with
 * {@code DatatypeFactory.newInstance()} every time a timer is created or fires; without this
 * property each call searches every jar on the class path for another implementation (there is
 * none, so it ends with the JDK's): 12 % of the bare engine's Java time and 3.5 % of Stuurwiel's
 * while review timers fired (bench/RESULTS.md, tuning). A value set at launch stays.
 */
@Component
public class XmlDatatypeFabriek extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuratie) {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }
}
