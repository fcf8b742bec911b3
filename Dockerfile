# Multi-stage build of the booking service: Maven builds the runnable jar, a JRE runs it as a
# non-root user. No Docker engine was available where this was written: keep it simple.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -pl bootstrap -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin booking \
    && mkdir -p /app/booking-data && chown -R booking /app \
    && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/bootstrap/target/booking.jar /app/booking.jar
# The JVM flags ./booking uses too (heap, metaspace, thread stacks, GC): see jvm.options.
COPY jvm.options /app/jvm.options
# Class-data sharing: the training run (the service started in memory and stopped at once) archives
# the classes a start loads; ENTRYPOINT maps them from /app/booking.jsa (see docs/operations.md).
RUN java @/app/jvm.options -XX:ArchiveClassesAtExit=/app/booking.jsa -jar /app/booking.jar cds-training >/dev/null \
    && test -s /app/booking.jsa
USER booking
ENV PORT=8000 BOOKING_DATA_DIR=/app/booking-data
EXPOSE 8000
# Liveness, not readiness: orchestrators restart (or replace) a task whose HEALTHCHECK fails. During
# a database outage every instance's readiness is 503 at once; a readiness HEALTHCHECK would have them
# all killed and restarted together (a fleet-wide outage of its own, and a start-up stampede when the
# database returns), although each would recover by itself within seconds. Routing is the load
# balancer's business: it checks /health/ready (see docs/operations.md, "Running several instances").
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS "http://localhost:${PORT}/health/live" >/dev/null || exit 1
# exec form: SIGTERM reaches the JVM, which drains and exits 0.
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:SharedArchiveFile=/app/booking.jsa", "-jar", "/app/booking.jar"]
CMD ["serve"]
