package org.sangdam.health;

public interface HealthService {
    Health check();
}
