# syntax=docker/dockerfile:1
# The operator console image. Build from the repository root after `./mvnw -pl console-ui -am package`:
#   docker build -f deploy/docker/console.Dockerfile -t genesys-bridge/console:<version> .
# The Boot jar is split into its layers (dependencies change less often than the application),
# then run with `java -jar` from the extracted layout.

FROM eclipse-temurin:21-jre AS extract
WORKDIR /build
ARG JAR_FILE=console-ui/target/console-ui-*.jar
COPY ${JAR_FILE} application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 bridge \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin bridge
WORKDIR /application
COPY --from=extract /build/extracted/dependencies/ ./
COPY --from=extract /build/extracted/spring-boot-loader/ ./
COPY --from=extract /build/extracted/snapshot-dependencies/ ./
COPY --from=extract /build/extracted/application/ ./
# Numeric user, so Kubernetes' runAsNonRoot can verify it; the image needs no writable path
# besides /tmp (mounted as an emptyDir by the chart, readOnlyRootFilesystem).
USER 10001:10001
# 8090: console UI; 8091: actuator (health groups, /actuator/prometheus).
EXPOSE 8090 8091
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "application.jar"]
