package dev.capstan.testkit.storage;

import dev.capstan.storage.MemoryDriver;
import dev.capstan.storage.ReleaseDriver;
import org.junit.jupiter.api.DisplayName;

@DisplayName("MemoryDriver passes the ReleaseDriver contract")
class MemoryDriverContractTest extends ReleaseDriverContract {
  private final MemoryDriver shared = new MemoryDriver();

  @Override
  protected ReleaseDriver createDriver() {
    return shared;
  }
}
