package dev.lifeboat.app.embedded;

import io.dropwizard.lifecycle.Managed;
import io.grpc.BindableService;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's pure-Java server ({@code temporal-test-server}) in real time, bound to one address
 * (loopback by default). {@code TestServer.createPortBoundServer} binds every interface, so the
 * gRPC server is built here instead. It keeps nothing across restarts: PostgreSQL is the source of
 * truth, and runs whose workflow vanished are marked interrupted at start.
 */
public final class EmbeddedTemporalServer implements Managed {
  private final TestServicesStarter services;
  private final Server server;

  private EmbeddedTemporalServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  /** Starts the server; {@code port} 0 picks a free one. */
  public static EmbeddedTemporalServer start(String bindAddress, int port) {
    // lockTimeSkipping = true: timers fire in real time, as they would on a real cluster.
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(bindAddress, port), InsecureServerCredentials.create());
    for (BindableService service : services.getServices()) {
      builder.addService(service);
    }
    HealthStatusManager health = new HealthStatusManager();
    builder.addService(health.getHealthService());
    try {
      Server server = builder.build().start();
      health.setStatus("", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
      health.setStatus(
          "temporal.api.workflowservice.v1.WorkflowService",
          io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
      return new EmbeddedTemporalServer(services, server);
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException(
          "could not start the embedded Temporal server on "
              + bindAddress
              + ":"
              + port
              + " (is the port taken?)",
          e);
    }
  }

  /** The address clients connect to, e.g. {@code 127.0.0.1:7233}. */
  public String target() {
    InetSocketAddress address = (InetSocketAddress) server.getListenSockets().get(0);
    return address.getHostString() + ":" + address.getPort();
  }

  @Override
  public void stop() throws InterruptedException {
    server.shutdown();
    if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
      server.shutdownNow();
    }
    services.close();
  }
}
