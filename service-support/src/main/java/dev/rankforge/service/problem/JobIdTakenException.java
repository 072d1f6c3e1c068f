package dev.rankforge.service.problem;

/**
 * A request names a job id another team's job has: refused (400) like any bad field, but a consumer must not answer
 * it with a FAILED event under that id, which would be the other team's job's event.
 */
public class JobIdTakenException extends InvalidRequestException {
    public JobIdTakenException() {
        super("jobId", "is taken");
    }
}
