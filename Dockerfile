# Build: compile and package the app with Maven (tests run in CI, not in the image build).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
RUN mvn -q dependency:go-offline
COPY src src
COPY db db
RUN mvn -q -DskipTests package && cp target/gemmavision-quantadvisor-*.jar /app.jar

# Run: a slim JRE, a non-root user, the H2 files on a volume.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home /app gemmavision && mkdir -p /data && chown gemmavision /data
COPY --from=build /app.jar /app/app.jar
USER gemmavision
WORKDIR /app
VOLUME /data
EXPOSE 8080
ENV SPRING_DATASOURCE_URL=jdbc:h2:file:/data/gemmavision \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=30s --timeout=3s --start-period=40s \
  CMD curl -fs http://localhost:8080/actuator/health >/dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
