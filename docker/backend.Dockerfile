# Builds the backend from the repository root (the compose file sets the context).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -pl backend -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home ecabinet && mkdir /ledger-checkpoints && chown ecabinet /ledger-checkpoints
USER ecabinet
WORKDIR /home/ecabinet
COPY --from=build /src/backend/target/backend-*-exec.jar app.jar
EXPOSE 8081
ENTRYPOINT ["java", "-jar", "app.jar"]
