package shop.infra;

/** A port the shop needs is taken. The message names the port and the option that changes it. */
public final class PortInUse extends RuntimeException {
    public PortInUse(int port, String what, String option) {
        super("port " + port + " (" + what + ") is already in use; stop whatever uses it or choose another port with "
                + option, null, false, false);
    }
}
