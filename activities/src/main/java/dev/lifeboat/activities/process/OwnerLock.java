package dev.lifeboat.activities.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a file that says one live process owns something (a data directory, a
 * directory of pid files). The operating system releases it when the process dies, even by SIGKILL,
 * so whoever acquires it next knows the previous owner is gone and may clean up after it.
 */
public final class OwnerLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private OwnerLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock or fails saying who holds what.
   *
   * @param what what the lock guards, for the message, e.g. "the data directory data/postgres"
   */
  public static OwnerLock acquire(Path lockFile, String what) {
    try {
      Files.createDirectories(lockFile.toAbsolutePath().getParent());
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // this very process holds it already
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(
            what
                + " is in use by another running Lifeboat (it holds "
                + lockFile
                + "); stop that one first, or give this one its own data directory");
      }
      return new OwnerLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The process is letting go anyway; the OS drops the lock when it exits.
    }
  }
}
