package dev.allframe.benchmarks.baseline;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The sample's transfer endpoint: both accounts change in one transaction instead of a saga's two steps. */
@Path("transfers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TransferResource {

    @Inject
    Bank bank;

    @POST
    public TransferView transfer(Requests.Transfer body) {
        return bank.transfer(body == null ? new Requests.Transfer(null, null, null) : body);
    }
}
