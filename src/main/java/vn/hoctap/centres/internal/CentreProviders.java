package vn.hoctap.centres.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoctap.centres.Centres;
import vn.hoctap.learning.ProviderMembership;
import vn.hoctap.reporting.Organisations;

/** The provider an account enters learning records for: a centre officer's centre, else an organisation user's organisation. */
@Component
class CentreProviders implements ProviderMembership {

    private final org.springframework.beans.factory.ObjectProvider<Centres> centres;
    private final Organisations organisations;

    CentreProviders(org.springframework.beans.factory.ObjectProvider<Centres> centres, Organisations organisations) {
        this.centres = centres;
        this.organisations = organisations;
    }

    @Override
    public Optional<Long> providerOf(String username) {
        Optional<Long> c = centres.getObject().centreOf(username);
        return c.isPresent() ? c : organisations.organisationOf(username);
    }
}
