package dev.lifeboat.activities.health;

import dev.lifeboat.activities.HumanUnits;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** Healthy when a TCP connection opens in time. */
final class TcpCheck implements Check {
  private final TcpProbe probe;

  TcpCheck(TcpProbe probe) {
    this.probe = probe;
  }

  @Override
  public Observation probe() {
    long started = System.nanoTime();
    InetSocketAddress address = new InetSocketAddress(probe.host(), probe.port());
    if (address.isUnresolved()) {
      // DNS may be exactly what the failover is changing, so this is worth polling.
      return Observation.unreachable("unknown host " + probe.host(), millisSince(started));
    }
    try (Socket socket = new Socket()) {
      // A runbook may wait up to a year; a socket's int of milliseconds holds 24.8 days, and the
      // operating system gives up long before either.
      socket.connect(address, (int) Math.min(Integer.MAX_VALUE, probe.connectTimeout().toMillis()));
      return Observation.healthy("connected", millisSince(started));
    } catch (SocketTimeoutException e) {
      return Observation.unreachable(
          "no connection within " + HumanUnits.duration(probe.connectTimeout()),
          millisSince(started));
    } catch (ConnectException e) {
      return Observation.unreachable("connection refused", millisSince(started));
    } catch (IOException e) {
      return Observation.unreachable("cannot connect: " + e.getMessage(), millisSince(started));
    }
  }

  @Override
  public String describe() {
    return "TCP " + probe.host() + ":" + probe.port();
  }

  static long millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
